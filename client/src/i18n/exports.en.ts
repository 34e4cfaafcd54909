import type { exportsFr } from './exports.fr';

export const exportsEn: typeof exportsFr = {
  exports: {
    report: {
      title: 'Report of the evening',
      hint: 'The report gathers the ideas by cluster, the votes, the posters, the SWOT matrices, the debates and the project candidates. It is prepared on the server, with no Internet connection.',
      ownAtelier: 'The report of your workshop.',
      language: 'Report language',
      ateliers: 'Workshops',
      allAteliers: 'All workshops',
      sections: 'Sections',
      options: 'Choose workshops and sections, add an introduction',
      optionsCofac: 'Choose sections, add an introduction',
      section: {
        intro: 'Introduction',
        ideas: 'Ideas by cluster',
        votes: 'Vote results',
        posters: 'Posters',
        afom: 'SWOT (AFOM) matrices',
        debates: 'Scenario debates',
        candidates: 'Project candidates',
        plenary: 'Final vote',
        method: 'Method note',
      },
      intro: 'Introduction (optional)',
      introHint: 'A few words for elected officials and partners, at the top of the report.',
      pdf: 'Download the report (PDF)',
      html: 'Printable version (HTML)',
      busy: 'Preparing the report…',
      done: 'Report downloaded.',
    },
  },
};
