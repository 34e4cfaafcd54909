import QRCode from 'qrcode';
import { configFromEnv } from './config';
import { createSemisServer } from './app';
import { installProcessGuards } from './process/guard';

/** `npm start`: one process, embedded database under DATA_DIR, built client served. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const semis = await createSemisServer(config);
  config.log(`écoute sur ${await semis.listen()}`);
  const { url: base, reach } = semis.joinBase();
  const participant = `${base}/j`;
  console.log(`
  Semis est prêt (${semis.storage.kind === 'postgres' ? 'PostgreSQL' : `base locale ${config.dataDir}`}).

  Animateur    : ${base}/creer   (créer un événement)
  Participants : ${participant}  (ou le code affiché par l'animateur)
${reach === 'loopback' ? "\n  ⚠ Aucune adresse réseau local : les téléphones ne pourront pas rejoindre (HOST, Wi-Fi ou PUBLIC_URL ?).\n" : ''}`);
  console.log(await QRCode.toString(participant, { type: 'terminal', small: true }));

  let stopping = false;
  const stop = (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`[semis] ${signal} reçu : enregistrement des tableaux et arrêt…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    semis.close().then(
      () => process.exit(code),
      (err) => {
        console.error('[semis] arrêt en erreur', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  installProcessGuards({ log: (m) => console.error(`[semis] ${m}`), stop: (reason) => stop(reason, 1) });
}

main().catch((err) => {
  console.error('[semis] démarrage impossible :', err);
  process.exit(1);
});
