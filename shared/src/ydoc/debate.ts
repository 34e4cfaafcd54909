/** The scenario debate (prospective): a statement, tendances and signaux, then plausible ? and
 * souhaitable ? with OUI / NON arguments, then à quelles conditions ? Layout in notes.ts. */
export const DEBATE_COLUMNS = ['tendances', 'signaux', 'plausible-oui', 'plausible-non', 'souhaitable-oui', 'souhaitable-non', 'conditions'] as const;
export type DebateColumn = (typeof DEBATE_COLUMNS)[number];
export const DEBATE_COLORS: Record<DebateColumn, string> = {
  tendances: '#e1bee7',
  signaux: '#fff59d',
  'plausible-oui': '#c8e6c9',
  'plausible-non': '#ffcdd2',
  'souhaitable-oui': '#c8e6c9',
  'souhaitable-non': '#ffcdd2',
  conditions: '#b3e5fc',
};
export const DEBATE_LABELS: Record<'fr' | 'en', Record<DebateColumn, string>> = {
  fr: {
    tendances: 'Tendances',
    signaux: 'Signaux',
    'plausible-oui': 'Plausible ? OUI',
    'plausible-non': 'Plausible ? NON',
    'souhaitable-oui': 'Souhaitable ? OUI',
    'souhaitable-non': 'Souhaitable ? NON',
    conditions: 'À quelles conditions ?',
  },
  en: {
    tendances: 'Trends',
    signaux: 'Signals',
    'plausible-oui': 'Plausible? YES',
    'plausible-non': 'Plausible? NO',
    'souhaitable-oui': 'Desirable? YES',
    'souhaitable-non': 'Desirable? NO',
    conditions: 'On what conditions?',
  },
};
