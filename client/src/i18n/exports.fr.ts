/** After the evening (issue #11): report, exports, archives; spread into fr.ts.
 * English mirrors this shape exactly (exports.en.ts is typed by it). */
export const exportsFr = {
  exports: {
    report: {
      title: 'Restitution de la soirée',
      hint: 'Le rapport rassemble les idées par regroupement, les votes, les posters, les matrices AFOM, les débats et les projets candidats. Il est préparé sur le serveur, sans connexion à Internet.',
      ownAtelier: 'Le rapport de votre atelier.',
      language: 'Langue du rapport',
      ateliers: 'Ateliers',
      allAteliers: 'Tous les ateliers',
      sections: 'Parties',
      options: 'Choisir les ateliers et les parties, ajouter une introduction',
      optionsCofac: 'Choisir les parties, ajouter une introduction',
      section: {
        intro: 'Introduction',
        ideas: 'Idées par regroupement',
        votes: 'Résultats des votes',
        posters: 'Posters',
        afom: 'Matrices AFOM',
        debates: 'Débats de scénario',
        candidates: 'Projets candidats',
        plenary: 'Vote final',
        method: 'Note de méthode',
      },
      intro: 'Introduction (facultative)',
      introHint: 'Quelques mots pour les élus et les partenaires, en tête du rapport.',
      pdf: 'Télécharger le rapport (PDF)',
      html: 'Version imprimable (HTML)',
      busy: 'Préparation du rapport…',
      done: 'Rapport téléchargé.',
    },
  },
};
