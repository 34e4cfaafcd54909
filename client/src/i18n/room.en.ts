import type { roomFr } from './room.fr';

export const roomEn: typeof roomFr = {
  join: {
    loopback: 'Phones cannot join: this computer has no address on the local network, so the link only works on it. Connect it to the venue Wi-Fi (then reload), or start Semis with PUBLIC_URL.',
    printPosters: 'Print the QR posters',
    printHint: 'One A4 page per atelier, for tables and doors.',
  },
  print: {
    title: 'QR posters to print',
    intro: 'One poster for the event, then one per atelier. Print on A4, without added margins or headers.',
    print: 'Print',
    back: 'Back to the console',
    scan: 'Scan with your phone’s camera',
    orGoTo: 'or go to',
    code: 'code',
    eventHeading: 'Take part from your phone',
    atelierEyebrow: 'Atelier {{n}}',
    qrEvent: 'QR code to join {{name}}',
    qrAtelier: 'QR code to join the atelier {{title}}',
    loopback: 'Warning: these links only work on this computer (no local network address).',
  },
};
