/**
 * `npm run bench:canvas`: a poster of 5,000 mixed objects, then a facilitator's wall of 2,000
 * stickies, opened in headless Debian Chromium (never a downloaded browser). Prints the time to
 * first render and the frame rate while panning (mouse drag) and zooming (wheel). Needs the
 * built client (`npm run build`). Options: SHAPES=5000 STICKIES=2000 SECONDS=3 ONLY=poster|wall.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { putShapes } from '@semis/shared/posters';
import { randomUUID } from 'node:crypto';
import { C, type CreateEventResult } from '@semis/shared';
import { call, createEvent, must, openBoard, participant, type TestServer } from '../tests/support/harness';
import { fieldIdeas } from '../tests/support/room';
import { adminGroup, boardOf } from '../tests/support/posters';
import { spawnServer } from '../tests/support/process';
import { CLIENT_DIR, launchChromium } from '../tests/support/browser';
import { percentile } from './lib/stats';
import { bigPoster } from './lib/poster-fixture';

const SHAPES = Number(process.env.SHAPES ?? 5000);
const STICKIES = Number(process.env.STICKIES ?? 2000);
const SECONDS = Number(process.env.SECONDS ?? 3);
const ONLY = process.env.ONLY ?? '';
/** A phone's command budget is 30 at once: enough phones that none waits for its bucket. */
const PER_PHONE = 25;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('client not built: run "npm run build" first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-bench-canvas-'));
  const server = await spawnServer({ DATA_DIR: dataDir, CLIENT_DIR });
  try {
    console.log(`load average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    if (ONLY !== 'wall') await posterBench(server);
    if (ONLY !== 'poster') await wallBench(server);
    console.log(`load average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  } finally {
    await server.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const f = (n: number) => n.toFixed(1);

async function posterBench(server: Pick<TestServer, 'url'>): Promise<void> {
  const ev = await createEvent(server.url, 1);
  const poster = boardOf(await adminGroup(server.url, ev, 'Banc d’essai'), 'poster');
  await fill(server.url, poster, ev.adminToken);

  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.text().startsWith('[t]') && console.log(m.text()));
  await page.goto(`${server.url}/animer/tableau/${poster}#${ev.adminToken}`);
  // First render: the editor holds every shape and two frames have been painted since.
  // In-page code as strings: tsx would otherwise inject helpers the page doesn't have.
  const firstRender = (await page.evaluate(`new Promise((resolve) => {
    const check = () => document.querySelector('[data-testid="poster-editor"][data-shape-count="${SHAPES}"] canvas')
      ? requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))
      : requestAnimationFrame(check);
    check();
  })`)) as number;
  const marks = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('poster:')).map((m) => [m.name, m.startTime]))`)) as Record<string, number>;
  await page.waitForTimeout(800); // the idle bitmap is rendered after 400 ms of quiet
  const box = (await page.getByTestId('poster-canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  await page.keyboard.press('h');
  const pan = await measure(page, async (until) => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; Date.now() < until; i++) await page.mouse.move(cx + 300 * Math.sin(i / 20), cy + 200 * Math.cos(i / 25));
    await page.mouse.up();
  });
  await page.waitForTimeout(500);
  const zoom = await measure(page, async (until) => {
    await page.mouse.move(cx, cy);
    for (let i = 0; Date.now() < until; i++) await page.mouse.wheel(0, Math.floor(i / 30) % 2 === 0 ? -40 : 40);
  });
  // One crisp redraw of every vector (what follows a gesture's end), through the "fit" shortcut.
  const redraw = (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  })`)) as number;
  await browser.close();

  console.log(`Semis canvas bench — ${SHAPES} objects (60% post-its with text, 20% symbols, 14% arrows, 6% translucent areas), Chromium headless ${os.cpus().length} cores, 1600×900`);
  // The editor reads the document twice: once empty (y-websocket connected), once synced.
  const synced = marks['poster:doc'] ?? NaN;
  console.log(`first render, document in hand → ${SHAPES} shapes painted: ${f(firstRender - synced)} ms   (validate ${f((marks['poster:parsed'] ?? NaN) - synced)} ms, build nodes ${f((marks['poster:committed'] ?? NaN) - (marks['poster:parsed'] ?? NaN))} ms, draw ${f(firstRender - (marks['poster:committed'] ?? NaN))} ms)`);
  console.log(`first render, navigation → ${SHAPES} shapes painted: ${f(firstRender)} ms (includes loading the app and syncing the ${SHAPES}-shape document)`);
  console.log(`pan  (hand tool, mouse drag, ${SECONDS} s): ${f(pan.fps)} fps   frame p50 ${f(pan.p50)} ms   p95 ${f(pan.p95)} ms   max ${f(pan.max)} ms`);
  console.log(`zoom (wheel, ${SECONDS} s):               ${f(zoom.fps)} fps   frame p50 ${f(zoom.p50)} ms   p95 ${f(zoom.p95)} ms   max ${f(zoom.max)} ms`);
  console.log(`full crisp redraw after a gesture (fit): ${f(redraw)} ms`);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
}

/** The facilitator's wall at 1366×768 with STICKIES ideas posted by phones. */
async function wallBench(server: Pick<TestServer, 'url'>): Promise<void> {
  const ev = await createEvent(server.url, 1);
  await postIdeas(server.url, ev, STICKIES);
  const atelier = ev.ateliers[0]!;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/animer/mur/${atelier.id}#${ev.adminToken}`);
  // First paint: the wall holds every idea and two frames have been painted since.
  const firstPaint = (await page.evaluate(`new Promise((resolve) => {
    const check = () => document.querySelector('[data-testid="wall"][data-idea-count="${STICKIES}"] canvas')
      ? requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))
      : requestAnimationFrame(check);
    check();
  })`)) as number;
  const synced = (await page.evaluate(`performance.getEntriesByName('board:synced')[0]?.startTime ?? NaN`)) as number;
  await page.waitForTimeout(800); // the idle bitmap is rendered after 400 ms of quiet
  const box = (await page.locator('.board').boundingBox())!;
  // Zoomed out to fit, the stickies are a column in the middle: press on the empty left side
  // so the drag pans the wall rather than moving a sticky.
  const px = box.x + 40;
  const py = box.y + box.height / 2;
  const cx = box.x + box.width / 2;
  const cy = py;
  const pan = await measure(page, async (until) => {
    await page.mouse.move(px, py);
    await page.mouse.down();
    for (let i = 0; Date.now() < until; i++) await page.mouse.move(px + 300 * Math.sin(i / 20), py + 200 * Math.cos(i / 25));
    await page.mouse.up();
  });
  await page.waitForTimeout(500);
  const zoom = await measure(page, async (until) => {
    await page.mouse.move(cx, cy);
    for (let i = 0; Date.now() < until; i++) await page.mouse.wheel(0, Math.floor(i / 30) % 2 === 0 ? -40 : 40);
  });
  if (process.env.SHOTS) {
    await page.getByRole('button', { name: /recentrer/i }).click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(process.env.SHOTS, 'wall-2000-out.png') });
    await page.mouse.move(cx, box.y + 100);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -100);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(process.env.SHOTS, 'wall-2000-in.png') });
  }
  await browser.close();
  console.log(`Semis wall bench — ${STICKIES} stickies (phones' posts, field texts), Chromium headless ${os.cpus().length} cores, 1366×768`);
  console.log(`first paint, document synced → ${STICKIES} stickies painted: ${f(firstPaint - synced)} ms   (navigation → painted ${f(firstPaint)} ms)`);
  console.log(`pan  (mouse drag, ${SECONDS} s): ${f(pan.fps)} fps   frame p50 ${f(pan.p50)} ms   p95 ${f(pan.p95)} ms   max ${f(pan.max)} ms`);
  console.log(`zoom (wheel, ${SECONDS} s):      ${f(zoom.fps)} fps   frame p50 ${f(zoom.p50)} ms   p95 ${f(zoom.p95)} ms   max ${f(zoom.max)} ms`);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
}

/** `count` ideas through phones' sockets, as participants post them. */
async function postIdeas(url: string, ev: CreateEventResult, count: number): Promise<void> {
  const atelierId = ev.ateliers[0]!.id;
  const texts = fieldIdeas().map((i) => i.text);
  const phones = Math.ceil(count / PER_PHONE);
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: phones }, async (_, p) => {
      const { socket } = await participant(url, ev.event.joinCode, `Banc ${p + 1}`, atelierId);
      for (let i = p * PER_PHONE; i < Math.min(count, (p + 1) * PER_PHONE); i++) must(await call(socket, C.postIdea, { id: randomUUID(), atelierId, text: texts[i % texts.length]! }, 30_000));
      socket.disconnect();
    }),
  );
  console.log(`(${count} ideas posted by ${phones} phones in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

async function fill(url: string, boardId: string, token: string): Promise<void> {
  const board = openBoard(url, boardId, token);
  await board.synced;
  const shapes = bigPoster(SHAPES);
  // Several updates: one message stays under the server's 1 MiB frame limit.
  for (let i = 0; i < shapes.length; i += 500) putShapes(board.doc, shapes.slice(i, i + 500));
  await new Promise((r) => setTimeout(r, 1500));
  board.destroy();
}

/** Frame intervals seen by requestAnimationFrame while `gesture` runs for SECONDS. */
async function measure(page: import('playwright-core').Page, gesture: (until: number) => Promise<void>) {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__run = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__run) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture(Date.now() + SECONDS * 1000);
  const frames = (await page.evaluate(`(() => { window.__run = false; return window.__frames; })()`)) as number[];
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const duration = (frames.at(-1)! - frames[0]!) / 1000;
  return { fps: intervals.length / duration, p50: percentile(intervals, 50), p95: percentile(intervals, 95), max: Math.max(...intervals) };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
