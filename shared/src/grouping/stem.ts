/**
 * Light French stemmer in the spirit of Snowball's French algorithm, adapted to
 * accentless input (normalisation strips accents first, so é/è/ê all arrive as "e").
 * The goal is consistency — "covoiturages", "covoiturer" and "covoiturage" must meet —
 * not linguistic exactness.
 */

const VOWELS = 'aeiouy';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);

/** Snowball regions: RV (after the first vowel not at the start), R1 and R2. */
function regions(w: string): { rv: number; r1: number; r2: number } {
  let rv = w.length;
  if (w.length >= 2 && isVowel(w[0]) && isVowel(w[1])) rv = Math.min(3, w.length);
  else if (/^(par|col|tap)/.test(w)) rv = 3;
  else {
    for (let i = 1; i < w.length; i++) if (isVowel(w[i])) { rv = i + 1; break; }
  }
  const after = (start: number) => {
    for (let i = start + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
    return w.length;
  };
  const r1 = after(0);
  const r2 = r1 < w.length ? after(r1) : w.length;
  return { rv, r1, r2 };
}

const endsIn = (w: string, suffix: string, regionStart: number) => w.endsWith(suffix) && w.length - suffix.length >= regionStart;

/** Longest suffix of `list` that `w` ends with, or ''. */
function longest(w: string, list: string[]): string {
  let best = '';
  for (const s of list) if (s.length > best.length && w.endsWith(s)) best = s;
  return best;
}

const STEP1_R2_DELETE = ['ance', 'ances', 'ique', 'iques', 'isme', 'ismes', 'able', 'ables', 'iste', 'istes', 'eux'];
const STEP1_ATION = ['atrice', 'ateur', 'ation', 'atrices', 'ateurs', 'ations'];
const STEP1_ALL = [
  ...STEP1_R2_DELETE, ...STEP1_ATION, 'logie', 'logies', 'usion', 'ution', 'usions', 'utions', 'ence', 'ences',
  'ement', 'ements', 'ite', 'ites', 'if', 'ive', 'ifs', 'ives', 'eaux', 'aux', 'euse', 'euses', 'issement', 'issements',
  'amment', 'emment', 'ment', 'ments',
];
const VERB_I = [
  'imes', 'it', 'ites', 'i', 'ie', 'ies', 'ir', 'ira', 'irai', 'iraient', 'irais', 'irait', 'iras', 'irent', 'irez', 'iriez', 'irions',
  'irons', 'iront', 'is', 'issaient', 'issais', 'issait', 'issant', 'issante', 'issantes', 'issants', 'isse', 'issent', 'isses', 'issez',
  'issiez', 'issions', 'issons',
];
const VERB_OTHER = [
  'erent', 'er', 'era', 'erai', 'eraient', 'erais', 'erait', 'eras', 'erez', 'eriez', 'erions', 'erons', 'eront', 'ez', 'iez',
  'ee', 'ees', 'ames', 'at', 'ates', 'ai', 'aient', 'ais', 'ait', 'ant', 'ante', 'antes', 'ants', 'as', 'asse', 'assent', 'asses', 'assiez', 'assions',
];

/** Step 1: derivational suffixes. Returns the new word, or null when nothing applied. */
function step1(w: string, rv: number, r1: number, r2: number): string | null {
  const s = longest(w, STEP1_ALL);
  if (!s) return null;
  const base = w.slice(0, w.length - s.length);
  const inR2 = base.length >= r2, inR1 = base.length >= r1, inRV = base.length >= rv;
  if (STEP1_R2_DELETE.includes(s)) return inR2 ? base : null;
  if (STEP1_ATION.includes(s)) {
    if (!inR2) return null;
    return base.endsWith('ic') ? (base.length - 2 >= r2 ? base.slice(0, -2) : base.slice(0, -2) + 'iqu') : base;
  }
  if (s === 'logie' || s === 'logies') return inR2 ? base + 'log' : null;
  if (s.startsWith('usion') || s.startsWith('ution')) return inR2 ? base + 'u' : null;
  if (s === 'ence' || s === 'ences') return inR2 ? base + 'ent' : null;
  if (s === 'ement' || s === 'ements') {
    if (!inRV) return null;
    if (base.endsWith('iv') && base.length - 2 >= r2) return base.slice(0, -2);
    if (base.endsWith('eus')) return base.length - 3 >= r2 ? base.slice(0, -3) : base.length - 3 >= r1 ? base.slice(0, -3) + 'eux' : base;
    if ((base.endsWith('abl') || base.endsWith('iqu')) && base.length - 3 >= r2) return base.slice(0, -3);
    if (base.endsWith('ier') && base.length - 3 >= rv) return base.slice(0, -3) + 'i';
    return base;
  }
  if (s === 'ite' || s === 'ites') {
    if (!inR2) return null;
    if (base.endsWith('abil')) return base.length - 4 >= r2 ? base.slice(0, -4) : base.slice(0, -4) + 'abl';
    if (base.endsWith('ic')) return base.length - 2 >= r2 ? base.slice(0, -2) : base.slice(0, -2) + 'iqu';
    if (base.endsWith('iv') && base.length - 2 >= r2) return base.slice(0, -2);
    return base;
  }
  if (s === 'if' || s === 'ive' || s === 'ifs' || s === 'ives') {
    if (!inR2) return null;
    if (base.endsWith('at') && base.length - 2 >= r2) return base.slice(0, -2);
    return base;
  }
  if (s === 'eaux') return base + 'eau';
  if (s === 'aux') return inR1 ? base + 'al' : null;
  if (s === 'euse' || s === 'euses') return inR2 ? base : inR1 ? base + 'eux' : null;
  if (s.startsWith('issement')) return inR1 && !isVowel(base[base.length - 1]) ? base : null;
  if (s === 'amment') return inRV ? base + 'ant' : null;
  if (s === 'emment') return inRV ? base + 'ent' : null;
  if (s === 'ment' || s === 'ments') return inRV && isVowel(base[base.length - 1]) ? base : null;
  return null;
}

/** Step 2: verb endings, tried only when step 1 removed nothing. */
function step2(w: string, rv: number, r2: number): string | null {
  const si = longest(w, VERB_I);
  if (si) {
    const base = w.slice(0, w.length - si.length);
    if (base.length >= rv && base.length > 0 && !isVowel(base[base.length - 1])) return base;
  }
  if (endsIn(w, 'ions', r2)) return w.slice(0, -4);
  const so = longest(w, VERB_OTHER);
  if (so) {
    let base = w.slice(0, w.length - so.length);
    if (base.length >= rv) {
      if (so.startsWith('a') && base.endsWith('e') && base.length - 1 >= rv) base = base.slice(0, -1);
      return base;
    }
  }
  return null;
}

/** Step 4: residual endings when steps 1–2 did nothing. */
function residual(w: string, rv: number, r2: number): string {
  if (w.endsWith('s') && !/[aiosu]s$/.test(w)) w = w.slice(0, -1);
  if (endsIn(w, 'ion', rv) && w.length - 3 >= r2 && /[st]ion$/.test(w)) return w.slice(0, -3);
  if (endsIn(w, 'iere', rv) || endsIn(w, 'ier', rv)) return w.replace(/iere?$/, 'i');
  if (endsIn(w, 'e', rv)) return w.slice(0, -1);
  return w;
}

/** Words whose Snowball stem would collide with an unrelated family ("vacances" ≠ "vacant"). */
const EXCEPTIONS: Record<string, string> = { vacances: 'vacances', vacancier: 'vacancier', vacanciers: 'vacancier', marche: 'march', marches: 'march',
  repas: 'repas', repit: 'repit', restaurant: 'restaurant', restaurants: 'restaurant', estivants: 'estivant', estivant: 'estivant',
  isolement: 'isole', isole: 'isole', isoles: 'isole', isolee: 'isole', isolees: 'isole', livre: 'livre', livres: 'livre',
  aidant: 'aidant', aidants: 'aidant', mobile: 'mobile', mobiles: 'mobile',
};

const cache = new Map<string, string>();

/** Stem one accentless lowercase word. Words of 3 letters or fewer are returned untouched. */
export function stemFrench(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (Object.hasOwn(EXCEPTIONS, word)) return EXCEPTIONS[word];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word;
  const { rv, r1, r2 } = regions(w);
  const s1 = step1(w, rv, r1, r2);
  if (s1 !== null) w = s1;
  else {
    const s2 = step2(w, rv, r2);
    if (s2 !== null) w = s2;
    else w = residual(w, rv, r2);
  }
  // Plural "-es" leftovers and doubled consonants ("-enn", "-ett", "-ell") so that masculine/feminine meet.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (/(enn|onn|ett|ell|eill)$/.test(w)) w = w.slice(0, -1);
  if (w.length < 2) w = word.slice(0, 2);
  if (cache.size > 50_000) cache.clear();
  cache.set(word, w);
  return w;
}
