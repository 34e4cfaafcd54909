import type { AtelierInput } from '../schema/event';

/** The grande soirée's fifteen thematic ateliers (seed: "15 ateliers … tourisme, agriculture &
 * filière bois, commerces & services, environnement, entrepreneuriat…"), offered as a template
 * the facilitator edits rather than types from scratch on the night. */
export const GRANDE_SOIREE_TEMPLATE: AtelierInput[] = [
  { title: 'Tourisme', theme: 'tourisme', question: 'Quelles activités pour accueillir les visiteurs toute l’année ?' },
  { title: 'Agriculture & filière bois', theme: 'agriculture-bois', question: 'Comment valoriser nos fermes et nos forêts ici ?' },
  { title: 'Commerces & services', theme: 'commerces-services', question: 'Quels besoins en activités économiques de proximité ?' },
  { title: 'Environnement', theme: 'environnement', question: 'Quelles ressources naturelles préserver et valoriser ?' },
  { title: 'Entrepreneuriat', theme: 'entrepreneuriat', question: 'Qu’est-ce qui aiderait à créer ou reprendre une activité ?' },
  { title: 'Alimentation & circuits courts', theme: 'alimentation-circuits-courts', question: 'Comment mieux manger local ?' },
  { title: 'Énergie', theme: 'energie', question: 'Quelles énergies produire et économiser sur le territoire ?' },
  { title: 'Mobilité', theme: 'mobilite', question: 'Comment se déplacer sans dépendre de sa voiture ?' },
  { title: 'Habitat & foncier', theme: 'habitat-foncier', question: 'Comment loger les habitants et redonner vie au bâti vacant ?' },
  { title: 'Santé & services à la personne', theme: 'sante-services-personne', question: 'De quels soins et services manque-t-on ?' },
  { title: 'Numérique', theme: 'numerique', question: 'Comment le numérique peut-il rapprocher plutôt qu’exclure ?' },
  { title: 'Jeunesse & formation', theme: 'jeunesse-formation', question: 'Que faudrait-il pour que les jeunes restent ou reviennent ?' },
  { title: 'Culture & lien social', theme: 'culture-lien-social', question: 'Où et comment se retrouver ?' },
  { title: 'Économie circulaire & déchets', theme: 'economie-circulaire', question: 'Que jeter de moins, que réparer, que réemployer ?' },
  { title: 'Patrimoine & savoir-faire', theme: 'patrimoine', question: 'Quels savoir-faire et lieux remarquables faire revivre ?' },
];
