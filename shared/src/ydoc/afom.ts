/** The AFOM matrix (French SWOT): four quadrants of post-its, layout in notes.ts. */
export const AFOM_COLUMNS = ['atouts', 'faiblesses', 'opportunites', 'menaces'] as const;
export type AfomColumn = (typeof AFOM_COLUMNS)[number];
export const AFOM_COLORS: Record<AfomColumn, string> = {
  atouts: '#c8e6c9',
  faiblesses: '#ffcdd2',
  opportunites: '#bbdefb',
  menaces: '#ffe0b2',
};
export const AFOM_LABELS: Record<'fr' | 'en', Record<AfomColumn, string>> = {
  fr: { atouts: 'Atouts', faiblesses: 'Faiblesses', opportunites: 'Opportunités', menaces: 'Menaces' },
  en: { atouts: 'Strengths', faiblesses: 'Weaknesses', opportunites: 'Opportunities', menaces: 'Threats' },
};
