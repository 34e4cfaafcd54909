/** The room's shared screens (issue #9): join path, QR posters to print, the projector's room
 * layout, live votes and *présenter*. Spread into fr.ts; room.en.ts is typed by this shape. */
export const roomFr = {
  join: {
    loopback: 'Les téléphones ne pourront pas rejoindre : cet ordinateur n’a pas d’adresse sur le réseau local, le lien ne marche que sur lui. Connectez-le au Wi-Fi de la salle (puis rechargez), ou lancez Semis avec PUBLIC_URL.',
    printPosters: 'Imprimer les affiches QR',
    printHint: 'Une page A4 par atelier, à poser sur les tables et les portes.',
  },
  print: {
    title: 'Affiches QR à imprimer',
    intro: 'Une affiche pour l’événement, puis une par atelier. Imprimez en A4, sans marges ajoutées ni en-têtes.',
    print: 'Imprimer',
    back: 'Retour à la console',
    scan: 'Scannez avec l’appareil photo de votre téléphone',
    orGoTo: 'ou allez sur',
    code: 'code',
    eventHeading: 'Participez depuis votre téléphone',
    atelierEyebrow: 'Atelier {{n}}',
    qrEvent: 'QR code pour rejoindre {{name}}',
    qrAtelier: 'QR code pour rejoindre l’atelier {{title}}',
    loopback: 'Attention : ces liens ne marchent que sur cet ordinateur (aucune adresse réseau local).',
  },
};
