/**
 * `npm run bench:phone`: a first-time resident opens the QR link on a 360 px phone over slow 3G
 * (issue #12). Debian's Chromium (never a downloaded browser) with its network emulated through
 * the DevTools protocol (400 ms, 400 kbit/s each way) for HTTP, and the WebSocket traffic sent
 * through a throttling TCP proxy on loopback with the same figures (Chromium's emulation does
 * not reach WebSockets). Each run starts cold: no cache, no service worker. Prints:
 * - the JavaScript a phone downloads (gzip as sent, brotli, raw), from the built files;
 * - time to the first paint (the app shell), to the pseudonym field, and to the first idea
 *   acknowledged (*Idée envoyée*) after opening the link, typing included (a quick typist:
 *   TYPE_MS per key), and the typing time alone;
 * - bytes over the wire for one phone (HTTP + WebSocket, service worker precache included) and
 *   for 150 phones at doors-open.
 * Needs the built client (`npm run build`). Options: RUNS=3 TYPE_MS=60.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEvent } from '../tests/support/harness';
import { spawnServer } from '../tests/support/process';
import { CLIENT_DIR, launchChromium, PHONE } from '../tests/support/browser';
import { startThrottleProxy } from '../tests/support/throttleProxy';
import { percentile } from './lib/stats';

const RUNS = Number(process.env.RUNS ?? 3);
const TYPE_MS = Number(process.env.TYPE_MS ?? 60);
const RTT_MS = 400;
const KBPS = 400;
const PHONES = 150;

interface Run {
  paintMs: number;
  readyMs: number;
  ackMs: number;
  typingMs: number;
  bytes: number;
  scriptBytes: number;
}

function phoneScripts(): { file: string; raw: number; gz: number; br: number }[] {
  const sw = fs.readFileSync(path.join(CLIENT_DIR, 'sw.js'), 'utf8');
  const files = [...new Set([...sw.matchAll(/url:"([^"]+\.js)"/g)].map((m) => m[1]!))];
  const size = (f: string) => fs.statSync(path.join(CLIENT_DIR, f)).size;
  return files.map((file) => ({ file, raw: size(file), gz: size(`${file}.gz`), br: size(`${file}.br`) }));
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'sw.js'))) throw new Error('client not built: run "npm run build" first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-bench-phone-'));
  const server = await spawnServer({ DATA_DIR: dataDir, CLIENT_DIR });
  const proxy = await startThrottleProxy(server.url, { rttMs: RTT_MS, kbps: KBPS });
  const browser = await launchChromium();
  const runs: Run[] = [];
  try {
    const ev = await createEvent(server.url, 15);
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ ...PHONE });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT_MS, downloadThroughput: (KBPS * 1000) / 8, uploadThroughput: (KBPS * 1000) / 8 });
      proxy.resetBytes();
      const t0 = Date.now();
      await page.goto(`${proxy.url}/j/${ev.event.joinCode}`, { waitUntil: 'commit' });
      // In-page code as strings: tsx would otherwise inject helpers the page doesn't have.
      const paintMs = (await page.evaluate(`new Promise((resolve) => {
        const seen = () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
        const check = () => (seen() ? resolve(seen().startTime) : requestAnimationFrame(check));
        check();
      })`)) as number;
      await page.getByTestId('pseudonym-input').waitFor({ timeout: 60_000 });
      const readyMs = Date.now() - t0;
      let typingMs = 0;
      const type = async (testId: string, text: string) => {
        const t = Date.now();
        await page.getByTestId(testId).pressSequentially(text, { delay: TYPE_MS });
        typingMs += Date.now() - t;
      };
      await type('pseudonym-input', `Habitant ${i + 1}`);
      await page.getByTestId('join-submit').click();
      await page.getByTestId('atelier-choice').first().click({ timeout: 60_000 });
      await page.getByTestId('idea-input').waitFor({ timeout: 60_000 });
      await type('idea-input', 'Une navette vers la gare le samedi matin');
      await page.getByTestId('idea-submit').click();
      await page.locator('[data-testid="send-state"][data-state="sent"]').waitFor({ timeout: 60_000 });
      const ackMs = Date.now() - t0;
      // Doors-open bytes include the service worker's precache, fetched once the page is up.
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      const scriptBytes = (await page.evaluate(
        `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).reduce((n, e) => n + e.transferSize, 0)`,
      )) as number;
      const b = proxy.bytes();
      runs.push({ paintMs, readyMs, ackMs, typingMs, bytes: b.httpDown + b.httpUp + b.wsDown + b.wsUp, scriptBytes });
      await context.close();
    }
  } finally {
    await browser.close();
    await proxy.close();
    await server.kill();
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const scripts = phoneScripts();
  const total = (k: 'raw' | 'gz' | 'br') => scripts.reduce((n, s) => n + s[k], 0);
  const med = (k: keyof Run) => percentile(runs.map((r) => r[k]), 50);
  console.log(`command: RUNS=${RUNS} TYPE_MS=${TYPE_MS} npm run bench:phone`);
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores, shared with other work)`);
  console.log(`network: ${RTT_MS} ms RTT, ${KBPS} kbit/s each way (HTTP via DevTools emulation, WebSocket via a throttling proxy)`);
  console.log(`phone JavaScript (every script the service worker keeps): ${kb(total('gz'))} gzip, ${kb(total('br'))} brotli, ${kb(total('raw'))} raw`);
  for (const s of scripts) console.log(`  ${s.file}: ${kb(s.gz)} gzip, ${kb(s.br)} brotli, ${kb(s.raw)} raw`);
  console.log('run   first paint   pseudonym field   idea acknowledged   (typing)   bytes (HTTP+WS)   scripts as sent');
  for (const [i, r] of runs.entries()) {
    console.log(
      `${String(i + 1).padStart(3)}   ${(r.paintMs / 1000).toFixed(2).padStart(8)} s   ${(r.readyMs / 1000).toFixed(2).padStart(12)} s   ${(r.ackMs / 1000).toFixed(2).padStart(14)} s   ${(r.typingMs / 1000).toFixed(1).padStart(5)} s   ${kb(r.bytes).padStart(13)}   ${kb(r.scriptBytes).padStart(12)}`,
    );
  }
  console.log(`median: first paint ${(med('paintMs') / 1000).toFixed(2)} s (target ≤ 2 s), idea acknowledged ${(med('ackMs') / 1000).toFixed(2)} s after opening the link (target ≤ 12 s; typing ${(med('typingMs') / 1000).toFixed(1)} s of it)`);
  console.log(`doors-open: ${kb(med('bytes'))} per phone, ${(med('bytes') * PHONES / 1024 / 1024).toFixed(1)} MB for ${PHONES} phones`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
