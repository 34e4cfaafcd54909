import QRCode from 'qrcode';
import { configFromEnv } from './config';
import { createSemisServer } from './app';
import { installProcessGuards } from './process/guard';
import { logger } from './logger';

/** `npm start`: one process, embedded database under DATA_DIR, built client served. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const semis = await createSemisServer(config);
  config.log(`écoute sur ${await semis.listen()}`);
  const { url: base, reach } = semis.joinBase();
  const participant = `${base}/j`;
  // The banner is the terminal's user interface (addresses and a QR code to scan), not a log line.
  process.stdout.write(`
  Semis est prêt (${semis.storage.kind === 'postgres' ? 'PostgreSQL' : `base locale ${config.dataDir}`}).

  Animateur    : ${base}/creer   (créer un événement)
  Participants : ${participant}  (ou le code affiché par l'animateur)
${reach === 'loopback' ? "\n  ⚠ Aucune adresse réseau local : les téléphones ne pourront pas rejoindre (HOST, Wi-Fi ou PUBLIC_URL ?).\n" : ''}\n`);
  process.stdout.write(await QRCode.toString(participant, { type: 'terminal', small: true }));

  let stopping = false;
  const stop = (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'arrêt demandé : enregistrement des tableaux et arrêt…');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    semis.close().then(
      () => process.exit(code),
      (err) => {
        logger.error({ err }, 'arrêt en erreur');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  installProcessGuards({ log: (m) => logger.error(m), stop: (reason) => stop(reason, 1) });
}

main().catch((err) => {
  logger.fatal({ err }, 'démarrage impossible');
  process.exit(1);
});
