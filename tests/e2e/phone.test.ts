import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { C, PHASES, readIdeaCards, type Atelier, type CreateEventResult } from '@semis/shared';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, CLIENT_DIR, PHONE, probeChromium, useBrowserSuite, watchErrors } from '../support/browser';
import { call, createEvent, facilitator, must, openBoard, startServer, type Client } from '../support/harness';
import { seedWall } from '../support/room';
import { startThrottleProxy, type ThrottleProxy } from '../support/throttleProxy';
import { axeViolations } from '../support/axe';
import { largeText as scaleText } from '../support/audit';
import { shot } from '../support/shots';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

type PhoneOptions = Omit<Partial<typeof PHONE>, 'viewport'> & { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } };

describe.skipIf(!ok)('phones at the door: app shell, offline, honest connection, large text', () => {
  const suite = useBrowserSuite();
  let ev: CreateEventResult;
  let admin: Client;
  let voteAtelier: Atelier;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The grande soirée's own themes: one long word each, wider than a phone at 200 % text.
    ev = await createEvent(suite.server.url, 3, ['Entrepreneuriat', 'Environnement', 'Commerces & services']);
    admin = await facilitator(suite.server.url, ev.adminToken);
    // Atelier 3 is in its vote, with clusters to vote on.
    voteAtelier = ev.ateliers[2]!;
    const { wall, sockets } = await seedWall(suite.server.url, ev, voteAtelier, [
      { title: 'Mobilité', texts: ['Une navette vers la gare le samedi', 'Du covoiturage organisé par la mairie'] },
      { title: 'Commerces', texts: ['Un marché de producteurs le dimanche', 'Une épicerie solidaire au bourg'] },
    ]);
    wall.destroy();
    for (const s of sockets) s.disconnect();
    must(await call(admin, C.setPhase, { atelierIds: [voteAtelier.id], phase: 'regroupement' }));
    must(await call(admin, C.setPhase, { atelierIds: [voteAtelier.id], phase: 'vote' }));
  });
  afterAll(async () => {
    admin?.disconnect();
    for (const c of contexts) await c.close();
  });

  async function phone(opts: PhoneOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await suite.browser.newContext({ ...PHONE, ...opts });
    contexts.push(context);
    const page = await context.newPage();
    return { context, page, errors: watchErrors(page) };
  }

  async function join(page: Page, base: string, pseudonym: string, atelierIndex: number): Promise<void> {
    await page.goto(`${base}/j/${ev.event.joinCode}`);
    await page.getByTestId('pseudonym-input').fill(pseudonym);
    await page.getByTestId('join-submit').click();
    await page.getByTestId('atelier-choice').nth(atelierIndex).click();
    await page.getByTestId('phase-screen').waitFor();
  }

  async function post(page: Page, text: string): Promise<void> {
    await page.getByTestId('idea-input').fill(text);
    await page.getByTestId('idea-submit').click();
  }

  const connection = (page: Page) => page.getByTestId('connection-status').getAttribute('data-connection');
  const pendingTexts = (page: Page) => page.locator('[data-testid="idea-item"][data-pending="true"]').allInnerTexts();

  /** Words of the matched elements drawn on more than one line (cut by overflow-wrap). */
  const splitWords = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((els) =>
      els.flatMap((el) => {
        const text = el.firstChild?.nodeType === Node.TEXT_NODE ? el.firstChild : null;
        if (!text) return [];
        const split: string[] = [];
        for (const m of text.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index!);
          range.setEnd(text, m.index! + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(m[0]);
        }
        return split;
      }),
    );

  /** Horizontal overflow of the whole page, as a person would have to scroll sideways. */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const client = document.documentElement.clientWidth;
      // What sticks out, to say which element to fix when this fails.
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > client + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth, client, wide };
    });

  it('paints the app shell from the first response, with JavaScript blocked', async () => {
    const { page } = await phone({ javaScriptEnabled: false });
    await page.goto(`${suite.server.url}/`);
    await expect.poll(() => page.getByTestId('shell').isVisible()).toBe(true);
    expect(await page.locator('.brand').innerText()).toBe('Semis');
    expect(await page.locator('#code').isVisible()).toBe(true);
    expect(await page.getByText('Rejoindre un événement').isVisible()).toBe(true);
    await shot(page, 'phone-shell-home');
    await page.goto(`${suite.server.url}/j/${ev.event.joinCode}`);
    expect(await page.getByTestId('shell').innerText()).toContain('Chargement…');
    await shot(page, 'phone-shell-join');
  });

  it('after sending: *Idée envoyée*, the idea at the top of the phone, pending until acknowledged', async () => {
    const { page, errors } = await phone();
    const eventFetches: string[] = [];
    page.on('request', (r) => r.url().includes('/api/join/') && eventFetches.push(r.url()));
    // A slow answer: the socket connects before it arrives, and must not ask a second time.
    await page.route('**/api/join/**', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    // From the home screen, as someone who typed the code: the event is fetched once.
    await page.goto(`${suite.server.url}/`);
    await page.getByTestId('code-input').fill(ev.event.joinCode);
    await page.getByTestId('code-submit').click();
    await page.getByTestId('pseudonym-input').fill('Camille');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('atelier-choice').first().click();
    await page.getByTestId('phase-screen').waitFor();
    expect(eventFetches).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    await post(page, 'Un vélo électrique en location à la gare');
    await expect.poll(() => page.getByTestId('send-state').getAttribute('data-state')).toBe('sent');
    expect(await page.getByTestId('send-state').innerText()).toContain('Idée envoyée');
    const mine = page.getByTestId('my-ideas').getByTestId('idea-item');
    expect(await mine.first().innerText()).toContain('Un vélo électrique');
    expect(await mine.first().getAttribute('data-pending')).toBe('false');
    // The confirmation and the idea are on the first screen, without scrolling.
    expect(await page.getByTestId('send-state').isVisible()).toBe(true);
    expect((await mine.first().boundingBox())!.y).toBeLessThan(PHONE.viewport.height + 200);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'phone-idea-sent');
    await shot(page, 'phone-idea-sent-full', { fullPage: true });
    // Every target a finger aims at is at least 44 × 44 px.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, a[href], input, textarea, select, summary')]
        .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
        .map((el) => ({ what: el.dataset.testid ?? el.textContent?.trim() ?? el.tagName, ...el.getBoundingClientRect().toJSON() }))
        .filter((r) => r.height < 44 || r.width < 44)
        .map((r) => `${r.what}: ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('where the network refuses WebSockets to socket.io, the phone still joins and its idea is acknowledged (long-polling)', async () => {
    const proxy = await startThrottleProxy(suite.server.url, { refuseWebSockets: /^\/socket\.io\// });
    try {
      const { page, errors } = await phone();
      const polls: string[] = [];
      page.on('request', (r) => r.url().includes('transport=polling') && polls.push(r.url()));
      await join(page, proxy.url, 'Sans WebSocket', 0);
      await post(page, 'Une navette même sans WebSocket');
      await expect.poll(() => page.getByTestId('send-state').getAttribute('data-state')).toBe('sent');
      expect(polls.length).toBeGreaterThan(0);
      // The refused handshake is the browser's own console line, not the page's error.
      expect(errors.filter((e) => !/WebSocket connection to .*socket\.io.* failed/.test(e))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('reloaded offline, the phone shows Semis with its outbox; the idea is sent once when the network is back', async () => {
    const { context, page, errors } = await phone();
    await join(page, suite.server.url, 'Dominique', 0);
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active))).toBe(true);
    await context.setOffline(true);
    await expect.poll(() => connection(page), { timeout: 15_000 }).toBe('offline');
    const text = 'Des bancs ombragés sur la place de l’église';
    await post(page, text);
    await expect.poll(() => pendingTexts(page)).toEqual([expect.stringContaining(text)]);
    expect(await page.getByTestId('send-state').getAttribute('data-state')).toBe('pending');

    await page.reload();
    await page.getByTestId('phase-screen').waitFor();
    expect(await page.locator('.brand').innerText()).toBe('Semis');
    expect(await pendingTexts(page)).toEqual([expect.stringContaining(text)]);
    expect(await page.getByTestId('connection-banner').isVisible()).toBe(true);
    await shot(page, 'phone-offline-reload');

    await context.setOffline(false);
    await expect.poll(() => pendingTexts(page), { timeout: 20_000 }).toEqual([]);
    await expect.poll(() => page.getByTestId('send-state').getAttribute('data-state')).toBe('sent');
    const board = openBoard(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await board.synced;
    await expect.poll(() => readIdeaCards(board.doc).filter((c) => c.text === text).length).toBe(1);
    board.destroy();
    expect(await page.getByTestId('idea-item').filter({ hasText: text }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('on a slow link the form is up before the socket: *Participer* waits for it instead of saying *hors ligne*', async () => {
    const proxy: ThrottleProxy = await startThrottleProxy(suite.server.url);
    try {
      const { page, errors } = await phone();
      // Pages and the join info come through; the socket's bytes are held, as on a slow radio.
      proxy.pause();
      await page.goto(`${proxy.url}/j/${ev.event.joinCode}`);
      await page.getByTestId('pseudonym-input').fill('Raymonde');
      await page.getByTestId('join-submit').click();
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('error-message').count()).toBe(0);
      proxy.resume();
      await page.getByTestId('atelier-choice').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('error-message').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('a stalled link (traffic held, socket still open) shows *connexion instable*; ideas wait and go when it answers', async () => {
    const proxy: ThrottleProxy = await startThrottleProxy(suite.server.url);
    try {
      const { page, errors } = await phone();
      await join(page, proxy.url, 'Sacha', 1);
      await expect.poll(() => connection(page), { timeout: 10_000 }).toBe('online');
      proxy.pause();
      await expect.poll(() => connection(page), { timeout: 12_000 }).toBe('unstable');
      expect(await page.getByTestId('connection-status').innerText()).toContain('Connexion instable');
      const text = 'Une salle pour les associations le soir';
      await post(page, text);
      await expect.poll(() => pendingTexts(page)).toEqual([expect.stringContaining(text)]);
      expect(await page.getByTestId('connection-banner').isVisible()).toBe(true);
      await shot(page, 'phone-unstable');
      proxy.resume();
      await expect.poll(() => connection(page), { timeout: 12_000 }).toBe('online');
      await expect.poll(() => pendingTexts(page), { timeout: 12_000 }).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  // 200 % zoom on a 360 px phone lays out 180 CSS px; the large-font setting doubles the root size.
  // text-200: the page's own text doubled while media queries keep 16 px rems, as Android's
  // text scaling does (audit.ts's largeText at 200 %).
  const largeText: { name: string; opts: PhoneOptions; fontPx?: number; text?: boolean }[] = [
    { name: 'zoom-200', opts: { viewport: { width: 180, height: 370 } } },
    { name: 'font-32', opts: {}, fontPx: 32 },
    { name: 'text-200', opts: {}, text: true },
  ];
  for (const { name, opts, fontPx, text } of largeText) {
    it(`large text (${name}): no sideways scrolling on the join, post and vote screens`, async () => {
      const { context, page, errors } = await phone(opts);
      if (fontPx) await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: fontPx, fixed: fontPx } });
      if (text) await scaleText(page, 200);
      await page.goto(`${suite.server.url}/j/${ev.event.joinCode}`);
      await page.getByTestId('pseudonym-input').waitFor();
      if (fontPx) expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${fontPx * (17 / 16)}px`);
      const seen: Record<string, { scroll: number; client: number; wide: string[] }> = { join: await overflow(page) };
      await shot(page, `phone-${name}-join`);
      await page.getByTestId('pseudonym-input').fill(`Lecteur ${name}`);
      await page.getByTestId('join-submit').click();
      await page.getByTestId('atelier-choice').first().waitFor();
      seen.picker = await overflow(page);
      // With the large font, the title's words stay whole ("Choisis|sez" was cut in two).
      if (fontPx || text) expect(await splitWords(page, 'h1')).toEqual([]);
      // …and "Semis" and FR/EN share one line at the top: the screen is for the atelier.
      if (fontPx || text) {
        const [brand, langs] = [(await page.locator('.topbar .brand').boundingBox())!, (await page.locator('.topbar .lang-switch').boundingBox())!];
        expect(Math.abs(brand.y + brand.height / 2 - (langs.y + langs.height / 2))).toBeLessThan(8);
      }
      await page.getByTestId('atelier-choice').first().click();
      await page.getByTestId('idea-input').waitFor();
      await post(page, 'Un abri à vélos couvert près de la mairie, avec des prises pour recharger');
      await expect.poll(() => page.getByTestId('send-state').getAttribute('data-state')).toBe('sent');
      seen.post = await overflow(page);
      await shot(page, `phone-${name}-post`);
      await page.getByTestId('change-atelier').click();
      await page.getByTestId('atelier-choice').filter({ hasText: voteAtelier.title }).click();
      await page.getByTestId('vote-screen').waitFor();
      seen.vote = await overflow(page);
      await shot(page, `phone-${name}-vote`);
      for (const [screen, o] of Object.entries(seen)) expect(o.scroll, `${screen}: ${o.wide.join(', ')}`).toBeLessThanOrEqual(o.client);
      expect(errors).toEqual([]);
    });
  }

  it('the atelier picker: open ateliers first, fifteen in about a screen and a half, a search field', async () => {
    const big = await createEvent(suite.server.url, 15);
    const bigAdmin = await facilitator(suite.server.url, big.adminToken);
    const closing = [big.ateliers[0]!.id, big.ateliers[1]!.id];
    // One phase at a time, as the facilitators' stepper goes.
    for (const phase of PHASES.slice(PHASES.indexOf(big.ateliers[0]!.phase) + 1)) must(await call(bigAdmin, C.setPhase, { atelierIds: closing, phase }));
    bigAdmin.disconnect();
    const { page, errors } = await phone();
    await page.goto(`${suite.server.url}/j/${big.event.joinCode}`);
    await page.getByTestId('pseudonym-input').fill('Morgane');
    await page.getByTestId('join-submit').click();
    const choices = page.getByTestId('atelier-choice');
    await expect.poll(() => choices.count()).toBe(15);
    const phases = await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')));
    expect(phases.slice(-2)).toEqual(['cloture', 'cloture']);
    expect(phases.slice(0, 13)).not.toContain('cloture');
    expect(await choices.first().innerText()).toContain('Atelier 3');
    await shot(page, 'phone-picker-15', { fullPage: true });
    // One screen of scrolling at most: the whole list is under two phone screens tall.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(2 * PHONE.viewport.height);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('atelier-search').fill('atelier 12');
    await expect.poll(() => choices.allInnerTexts()).toEqual([expect.stringContaining('Atelier 12')]);
    await choices.first().click();
    await page.getByTestId('phase-screen').waitFor();
    expect(await page.locator('.atelier-head h1').innerText()).toBe('Atelier 12');
    expect(errors).toEqual([]);
  });

  it('a new version is announced, never forced, and taken with one tap', async () => {
    // A copy of the build the test can change, as a redeploy would.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-client-'));
    fs.cpSync(CLIENT_DIR, dir, { recursive: true });
    const server = await startServer({ config: { clientDir: dir } });
    try {
      const own = await createEvent(server.url, 1);
      const { page, errors } = await phone();
      await page.goto(`${server.url}/j/${own.event.joinCode}`);
      await page.getByTestId('pseudonym-input').waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active))).toBe(true);
      expect(await page.getByTestId('update-banner').count()).toBe(0);
      await page.getByTestId('pseudonym-input').fill('Typing meanwhile');
      // New version deployed: a different service worker, with its precompressed copies.
      const sw = Buffer.concat([fs.readFileSync(path.join(dir, 'sw.js')), Buffer.from('\n// next version\n')]);
      fs.writeFileSync(path.join(dir, 'sw.js'), sw);
      fs.writeFileSync(path.join(dir, 'sw.js.br'), zlib.brotliCompressSync(sw));
      fs.writeFileSync(path.join(dir, 'sw.js.gz'), zlib.gzipSync(sw));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await page.getByTestId('update-banner').waitFor({ timeout: 15_000 });
      // Nothing reloaded by itself: what was being typed is still there.
      expect(await page.getByTestId('pseudonym-input').inputValue()).toBe('Typing meanwhile');
      await shot(page, 'phone-update-ready');
      const reloaded = page.waitForEvent('load');
      await page.getByTestId('update-banner').getByRole('button').click();
      await reloaded;
      await page.getByTestId('pseudonym-input').waitFor();
      expect(await page.getByTestId('update-banner').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the join and vote screens pass axe (no serious or critical issue)', async () => {
    const { page } = await phone();
    const eventFetches: string[] = [];
    page.on('request', (r) => r.url().includes('/api/join/') && eventFetches.push(r.url()));
    // A slow answer: the socket connects before it arrives, and must not ask a second time.
    await page.route('**/api/join/**', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.goto(`${suite.server.url}/j/${ev.event.joinCode}`);
    await page.getByTestId('pseudonym-input').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Camille joined in an earlier test: this one is told so, and told apart.
    await join(page, suite.server.url, 'Camille', 2);
    expect(await page.getByTestId('pseudonym-renamed').innerText()).toContain('«\u00a0Camille (2)\u00a0»');
    // A QR link: one fetch of the event (the second page.goto here is a second visit, so two).
    expect(eventFetches).toHaveLength(2);
    await page.getByTestId('vote-screen').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'phone-vote');
    // English arrives when chosen (it is not in the phone's first download).
    await page.locator('.lang-switch button[lang="en"]').click();
    await expect.poll(() => page.getByTestId('connection-status').innerText()).toContain('Online');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
