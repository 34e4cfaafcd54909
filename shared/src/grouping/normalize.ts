/**
 * Phone-typed French → canonical lowercase tokens.
 * Accents are stripped everywhere (people omit them anyway), so every later
 * stage — stemmer, lexicon, n-grams — works on the same accentless alphabet.
 */

/** Emoji that carry meaning in a workshop are turned into words; the rest are dropped. */
const EMOJI_WORDS: Record<string, string> = {
  '🚲': 'velo', '🚴': 'velo', '🛴': 'trottinette', '🚌': 'bus', '🚐': 'navette', '🚗': 'voiture', '🚙': 'voiture',
  '🚆': 'train', '🚂': 'train', '🚉': 'gare', '⛵': 'bateau', '🚤': 'bateau', '🛶': 'canoe',
  '🏥': 'sante', '💊': 'pharmacie', '🩺': 'medecin', '👨‍⚕️': 'medecin', '👩‍⚕️': 'medecin', '🚑': 'sante', '👵': 'personnes agees', '👴': 'personnes agees',
  '🏠': 'maison', '🏡': 'maison', '🏘': 'logement', '🏚': 'maison vide', '🔑': 'logement',
  '🥕': 'legumes', '🥦': 'legumes', '🍎': 'fruits', '🍏': 'fruits', '🧀': 'fromage', '🥖': 'pain', '🍞': 'pain', '🥚': 'oeufs', '🍯': 'miel',
  '🍷': 'vin', '🍇': 'vigne', '🍺': 'biere', '🍽': 'restaurant', '🍴': 'restaurant', '🥗': 'repas',
  '☀️': 'solaire', '☀': 'solaire', '🔆': 'solaire', '⚡': 'energie', '🔋': 'energie', '💡': 'eclairage', '🔥': 'chauffage', '♻️': 'recyclage', '♻': 'recyclage',
  '🗑': 'dechets', '🌍': 'environnement', '🌎': 'environnement', '🌱': 'nature', '🌿': 'nature', '🌳': 'arbres', '🌲': 'foret', '🪵': 'bois', '💧': 'eau',
  '📱': 'numerique', '💻': 'informatique', '🖥': 'informatique', '📶': 'reseau mobile', '🌐': 'internet', '📡': 'antenne',
  '🏕': 'camping', '⛺': 'camping', '🥾': 'randonnee', '🏰': 'chateau', '⛪': 'eglise', '🗺': 'tourisme', '📸': 'photo', '🏞': 'nature',
  '🐄': 'vache', '🐮': 'vache', '🐑': 'moutons', '🐐': 'chevres', '🐖': 'porcs', '🐓': 'poules', '🐔': 'poules', '🐝': 'abeilles', '🐟': 'poissons', '🐠': 'poissons', '🚜': 'tracteur', '🌾': 'cereales',
  '🛒': 'commerce', '🏪': 'commerce', '☕': 'cafe', '✉️': 'poste', '✉': 'poste', '📮': 'poste', '📦': 'colis', '🏧': 'distributeur billets', '💶': 'argent', '💰': 'argent',
  '🎓': 'formation', '📚': 'livres', '📖': 'livres', '🏫': 'ecole', '🧒': 'enfants', '👶': 'bebe', '🛹': 'skatepark', '⚽': 'foot',
  '🎶': 'musique', '🎵': 'musique', '🎸': 'musique', '🎤': 'concert', '🎭': 'theatre', '🎬': 'cinema', '🎨': 'art', '🎉': 'fete', '🎊': 'fete', '🥳': 'fete', '🌻': 'jardin', '🌷': 'fleurs', '🌸': 'fleurs',
  '🔨': 'artisan', '🔧': 'reparation', '🛠': 'reparation', '🪚': 'menuiserie', '🏭': 'entreprise', '💼': 'entreprise', '🤝': 'entraide',
};

/** Abbreviations and phone shorthand, in accentless lowercase. Values may be several words. */
export const ABBREVIATIONS: Record<string, string> = {
  covoit: 'covoiturage', covoitu: 'covoiturage', autopart: 'autopartage',
  asso: 'association', assos: 'associations', assoc: 'association', associatif: 'associatif',
  ds: 'dans', pr: 'pour', pour: 'pour', bcp: 'beaucoup', tt: 'tout', tte: 'toute', ts: 'tous', ttes: 'toutes',
  qd: 'quand', qq: 'quelques', qqs: 'quelques', qqn: 'quelqu un', qqch: 'quelque chose', pdt: 'pendant', pcq: 'parce que', pck: 'parce que',
  tjs: 'toujours', tjrs: 'toujours', mm: 'meme', ms: 'mais', pk: 'pourquoi', pq: 'pourquoi', cad: 'c est a dire', svp: 's il vous plait', stp: 's il te plait',
  bjr: 'bonjour', slt: 'salut', mtn: 'maintenant', jsp: 'je sais pas', vs: 'contre', ac: 'avec', avc: 'avec', dc: 'donc', ss: 'sous', sr: 'sur',
  rdv: 'rendez vous', rdvs: 'rendez vous', we: 'week end', wk: 'week end', weekend: 'week end', wkd: 'week end',
  comcom: 'communaute de communes', cdc: 'communaute de communes', com: 'communaute', intercom: 'intercommunalite', interco: 'intercommunalite',
  mecano: 'mecanicien', mecanos: 'mecaniciens', resto: 'restaurant', restos: 'restaurants', restau: 'restaurant', restaus: 'restaurants',
  proprio: 'proprietaire', proprios: 'proprietaires', ado: 'adolescent', ados: 'adolescents', appli: 'application', applis: 'applications', appl: 'application',
  info: 'information', infos: 'informations', kine: 'kinesitherapeute', kines: 'kinesitherapeutes', ophtalmo: 'ophtalmologue', ophtalmos: 'ophtalmologues',
  gyneco: 'gynecologue', psy: 'psychologue', toubib: 'medecin', doc: 'medecin', medoc: 'medicament', medocs: 'medicaments', pharma: 'pharmacie',
  dentist: 'dentiste', generaliste: 'generaliste', infirmiere: 'infirmiere', aprem: 'apres midi', exo: 'exercice', coloc: 'colocation',
  ordi: 'ordinateur', ordis: 'ordinateurs', tel: 'telephone', portable: 'telephone portable', internet: 'internet', co: 'connexion', connex: 'connexion', wi: 'wifi',
  rando: 'randonnee', randos: 'randonnees', velo: 'velo', bici: 'velo', vtt: 'velo tout terrain', vae: 'velo electrique', bagnole: 'voiture', bagnoles: 'voitures', caisse: 'caisse',
  boulot: 'travail', taf: 'travail', job: 'emploi', jobs: 'emplois', boite: 'entreprise', boites: 'entreprises', entreprendre: 'entreprendre',
  bio: 'bio', agri: 'agriculture', agris: 'agriculteurs', agricult: 'agriculteur', exploit: 'exploitation', ferme: 'ferme',
  photovolt: 'photovoltaique', pv: 'photovoltaique', enr: 'energies renouvelables', metha: 'methanisation', elec: 'electricite', electrique: 'electrique',
  expo: 'exposition', expos: 'expositions', concert: 'concert', cine: 'cinema', ciné: 'cinema', biblio: 'bibliotheque', media: 'mediatheque', mjc: 'maison des jeunes',
  cm: 'conseil municipal', cmj: 'conseil municipal des jeunes', ccas: 'action sociale', ehpad: 'ehpad', msp: 'maison de sante', ze: 'zone', za: 'zone artisanale', zae: 'zone d activite',
  dab: 'distributeur de billets', tad: 'transport a la demande', ter: 'train', sncf: 'train', ado_s: 'adolescents', ptit: 'petit', ptite: 'petite', ptits: 'petits', p_tit: 'petit',
  c: 'c est', cest: 'c est', ya: 'il y a', yaura: 'il y aura', yen: 'il y en', jai: 'j ai', jsuis: 'je suis', chui: 'je suis', sa: 'ca', ca: 'ca', koi: 'quoi', kan: 'quand',
  bo: 'beau', ki: 'qui', ke: 'que', g: 'j ai', tres: 'tres', trop: 'trop', ptet: 'peut etre', pe: 'peut etre', pb: 'probleme', pbs: 'problemes', pbm: 'probleme',
  km: 'km', min: 'minutes', mins: 'minutes', h: 'heures', an: 'an', ans: 'ans', st: 'saint', ste: 'sainte',
};

/** Stop words: function words plus the verbs and fillers every idea uses ("il faut", "ce serait bien"). */
export const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette ceci cela ca c ci d de des du dans en entre et est es ete etre eu il ils elle elles je j tu t nous vous on ' +
    'l la le les leur leurs lui m me ma mon mes ta ton tes sa son ses notre nos votre vos n ne ni pas plus moins non oui ou par pour sur sous vers chez ' +
    'qu que qui quoi quand comme si s se sans y un une uns unes meme aussi tres trop peu beaucoup bien mal tout toute tous toutes autre autres ' +
    'faut faudrait falloir fallait serait seraient sera seront soit sont suis sommes etes etait etaient avoir ai as avons avez ont avait avaient aurait auraient aura ' +
    'faire fait faits faite font ferait feraient fais faisons mettre mettant mis met peut peuvent pourrait pourraient pouvoir veut veulent voudrait vouloir ' +
    'doit doivent devrait devraient devoir va vont aller allez allons alors donc mais car or puis ainsi deja encore toujours jamais rien quelque quelques ' +
    'chaque plusieurs certains certaines tel telle tels telles dont lequel laquelle lesquels ici la-bas genre vraiment juste quand-meme surtout enfin bref ' +
    'svp merci bonjour salut ok oh ah bah ben hein lol mdr ptdr etc ex cad via afin parce quoi pourquoi comment combien ou ' +
    'idee idees proposition propose proposer serait bien super top cool bon bonne bons bonnes vrai vraie vrais grand grande grands grandes petit petite petits petites ' +
    'nouveau nouvelle nouveaux nouvelles gros grosse mieux tres chose choses truc trucs fois ya il-y-a ceux celle celles celui certain ' +
    // General French adverbs, prepositions and conjunctions (grammar-book lists, not words of any file).
    'plutot assez autant aucun aucune apres avant pendant depuis selon malgre sauf parmi durant contre lors tant tellement souvent parfois ' +
    'partout ailleurs dedans dehors dessus dessous ensuite maintenant bientot tard tot vite presque environ seulement notamment egalement ' +
    'pourtant cependant toutefois neanmoins sinon lorsque puisque quoique tandis voila voici aupres quant chacun chacune nul nulle ' +
    'davantage desormais dorenavant longtemps autrefois aussitot quelqu quiconque certes completement totalement jusqu jusque moi toi soi eux'
  ).split(/\s+/),
);

const EMOJI_RE = /\p{Extended_Pictographic}(\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*/gu;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;

/** Longest input we bother looking at: a post is ≤ 280 chars, this leaves room for pasted text. */
const MAX_CHARS = 2000;

/** Lowercase, emoji → words, accents stripped, elisions split, stretched letters shortened. Returns a plain string. */
export function normalizeText(raw: string): string {
  let text = typeof raw === 'string' ? raw.slice(0, MAX_CHARS) : '';
  text = text.replace(URL_RE, ' lienweb ');
  text = text.replace(EMOJI_RE, (e) => {
    const word = EMOJI_WORDS[e] ?? EMOJI_WORDS[e.replace(/\uFE0F/g, '')];
    return word ? ` ${word} ` : ' ';
  });
  text = text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  // "w-e", "w.e" and "2e"/"3e" style ordinals are common on phones.
  text = text.replace(/\bw[-.]?e\b/g, ' week end ').replace(/\b(\d+)(?:e|eme|ieme)\b/g, ' $1 ');
  // Apostrophes and hyphens separate words; elided articles become separate stop words.
  text = text.replace(/[’'`´‘]/g, ' ').replace(/[^a-z0-9]+/g, ' ');
  // "trooooop", "aaaaaa": three or more identical letters are shouting, not spelling.
  text = text.replace(/([a-z])\1{2,}/g, '$1');
  return text.trim();
}

/** All words of a text after normalisation and abbreviation expansion, stop words kept. */
export function tokenize(raw: string): string[] {
  const out: string[] = [];
  const text = normalizeText(raw);
  if (!text) return out;
  for (const word of text.split(' ')) if (word) out.push(...expand(word));
  return out;
}

const isContent = (w: string) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w);

/** Content words: no stop words, no lone digits or letters. */
export function contentWords(raw: string): string[] {
  const out: string[] = [];
  const text = normalizeText(raw);
  if (!text) return out;
  for (const word of text.split(' ')) if (word) out.push(...contentOf(word));
  return out;
}

// The same words recur all evening: expansion and filtering are done once per distinct
// token (caches bounded like the stemmer's).
const expansions = new Map<string, string[]>();
const contents = new Map<string, string[]>();

function expand(word: string): string[] {
  let words = expansions.get(word);
  if (words === undefined) {
    words = (Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word] : word).split(' ').filter(Boolean);
    if (expansions.size > 50_000) expansions.clear();
    expansions.set(word, words);
  }
  return words;
}

function contentOf(word: string): string[] {
  let words = contents.get(word);
  if (words === undefined) {
    words = expand(word).filter(isContent);
    if (contents.size > 50_000) contents.clear();
    contents.set(word, words);
  }
  return words;
}
