import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, type Ack } from '@semis/shared';
import { api, call, createEvent, useServer } from '../support/harness';
import { seedSuite, ideaText, type SeededEvening } from '../support/evening';
import { pdfText, probePdftotext } from '../support/pdf';
import { serviceAvailable } from '../support/services';

const suite = useServer();
let seeded: SeededEvening;

beforeAll(async () => {
  seeded = await seedSuite(suite, { ateliers: 3, ideasPerAtelier: 10, posters: 1, voting: 2 });
}, 60_000);

async function report(body: unknown, token = seeded.ev.adminToken) {
  const res = await fetch(suite.server.url + API.adminReport, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const pdfOk = await serviceAvailable('poppler', probePdftotext, { suite: 'report PDF text checks' });

async function exportBoard(boardId: string, format: 'svg' | 'png', token = seeded.ev.adminToken) {
  const res = await fetch(suite.server.url + API.boardExport(boardId, format), { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('walls export like every board', () => {
  it('as SVG: clusters and visible ideas, no hidden idea; as PNG at the width asked', async () => {
    const wall = seeded.ev.ateliers[0]!;
    const svg = await exportBoard(wall.boardId, 'svg');
    expect(svg.status).toBe(200);
    expect(svg.type).toContain('image/svg+xml');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain(seeded.clusterTitles[0]);
    expect(text).toContain('cœur');
    expect(text).toContain(seeded.publicPseudonyms[0]);
    expect(text).not.toContain(seeded.hiddenText);
    expect(text).not.toContain(seeded.deletedText);
    const png = await exportBoard(wall.boardId, 'png');
    if (process.env.SEMIS_REPORT_OUT) fs.writeFileSync(path.join(process.env.SEMIS_REPORT_OUT, 'wall.png'), png.bytes);
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(png.bytes.readUInt32BE(16)).toBe(4000);
  });

  it('without the pseudonyms of an anonymous atelier, and not for other events', async () => {
    const text = (await exportBoard(seeded.ev.ateliers[1]!.boardId, 'svg')).bytes.toString('utf8');
    expect(text).toContain('Agriculture');
    for (const p of seeded.anonymousPseudonyms) expect(text).not.toContain(p);
    expect((await exportBoard(seeded.ev.ateliers[1]!.boardId, 'svg', 'y'.repeat(30))).status).toBe(401);
  });
});

describe('the report of the evening', () => {
  it.skipIf(!pdfOk)('is a PDF with the event, questions, clusters, accented ideas, votes, posters, AFOM, candidates and the plenary', async () => {
    const res = await report({});
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="restitution-soiree-des-possibles[a-z-]*\.pdf"/);
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // SEMIS_REPORT_OUT=dir keeps the file, to look at its pages.
    if (process.env.SEMIS_REPORT_OUT) fs.writeFileSync(path.join(process.env.SEMIS_REPORT_OUT, 'report.pdf'), res.bytes);
    const text = pdfText(res.bytes);
    const ev = seeded.ev;
    expect(text).toContain('Soirée des possibles — Haut-Jura « œuvrer ensemble »');
    expect(text).toContain('Salle des fêtes de Saint-Claude');
    for (const a of ev.ateliers) expect(text).toContain(a.question);
    for (const title of seeded.clusterTitles) expect(text).toContain(title);
    expect(text).toContain(ideaText(0, 0));
    expect(text).toContain(ideaText(2, 9));
    // Results: bars of the dot vote, the 2×2 chart of the rating vote.
    expect(text).toContain('Vote par gommettes');
    expect(text).toContain('Souhaitable × réaliste');
    expect(text).toMatch(/\d+ gommettes · 1ᵉʳ/);
    expect(text).toContain('Prioritaire');
    // Poster with its legend, AFOM, debate.
    expect(text).toContain('Table 1 — Forêt & rivière');
    expect(text).toContain('Légende');
    expect(text).toContain('La forêt communale et ses savoir-faire');
    expect(text).toContain('En 2040, le bourg vit de la filière bois');
    // Candidates with their cards, and the plenary.
    for (const c of seeded.candidates) expect(text).toContain(c.title);
    expect(text).toContain('Association Bœuf & Cie');
    expect(text).toContain('Revitaliser le centre-bourg');
    expect(text).toContain('Étude d’opportunité');
    expect(text).toContain('Vente au détail, marge de 25 %');
    expect(text).toContain('☑ 15 mai 2026 — Réunir les producteurs');
    expect(text).toContain('Idée → Étude d’opportunité — « Décidé en plénière »');
    expect(text).toContain('Vote final en plénière');
    expect(text).toContain('Note de méthode');
    // Never what was hidden, deleted, or the authors of an anonymous atelier.
    expect(text).not.toContain(seeded.hiddenText);
    expect(text).not.toContain(seeded.deletedText);
    for (const p of seeded.anonymousPseudonyms) expect(text).not.toContain(p);
    expect(text).toContain(seeded.publicPseudonyms[0]!);
  });

  it.skipIf(!pdfOk)('in English, with the chosen ateliers and sections and the introduction', async () => {
    const intro = 'Merci aux 150 habitants « venus malgré la neige ».';
    const res = await report({ lang: 'en', ateliers: [seeded.ev.ateliers[2]!.id], sections: ['intro', 'ideas'], intro });
    expect(res.status).toBe(200);
    const text = pdfText(res.bytes);
    expect(text).toMatch(/report of the evening/i);
    expect(text).toContain(intro);
    expect(text).toContain(seeded.ev.ateliers[2]!.question);
    expect(text).not.toContain(seeded.ev.ateliers[0]!.question);
    expect(text).not.toContain('Vote results');
    expect(text).not.toContain('Portfolio of project candidates');
  });

  it.skipIf(!pdfOk)('as the portfolio alone: candidates\' cards without atelier pages', async () => {
    const text = pdfText((await report({ sections: ['candidates'] })).bytes);
    for (const c of seeded.candidates) expect(text).toContain(c.title);
    expect(text).toContain('Revitaliser le centre-bourg');
    expect(text).not.toContain(seeded.ev.ateliers[0]!.question);
    expect(text).not.toContain('Sommaire');
  });

  it('as printable HTML with no script and its own policy', async () => {
    const res = await report({ format: 'html' });
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = res.bytes.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Soirée des possibles — Haut-Jura « œuvrer ensemble »');
    expect(html).toContain('@media print');
    expect(html).not.toContain(seeded.hiddenText);
    for (const p of seeded.anonymousPseudonyms) expect(html).not.toContain(p);
  });

  it.skipIf(!pdfOk)('gives a co-facilitator the report of their atelier only', async () => {
    const atelier = seeded.ev.ateliers[2]!;
    const link = (await call<{ token: string }>(seeded.admin, C.coFacilitator, { atelierId: atelier.id, label: 'Zoé' })) as Ack<{ token: string }>;
    if (!link.ok) throw new Error(link.error.code);
    const text = pdfText((await report({}, link.data.token)).bytes);
    expect(text).toContain(atelier.question);
    expect(text).not.toContain(seeded.ev.ateliers[0]!.question);
    expect(text).not.toContain('Vote final en plénière');
    expect((await report({ ateliers: [seeded.ev.ateliers[0]!.id] }, link.data.token)).status).toBe(403);
  });

  it('refuses strangers, participants and bad requests with clear codes', async () => {
    expect((await report({}, 'x'.repeat(30))).status).toBe(401);
    const bad = await report({ format: 'docx' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).error.code).toBe('BAD_REQUEST');
    expect((await report({ intro: 'x'.repeat(5000) })).status).toBe(400);
    expect((await report({ ateliers: ['00000000-0000-4000-8000-000000000000'] })).status).toBe(404);
  });
});

describe('a report of a big wall during the evening', () => {
  it('lets the live evening through while it lays out hundreds of ideas (the loop never waits a second)', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const atelierId = ev.ateliers[0]!.id;
    // Long unbreakable texts: the slowest ideas to lay out, as anyone may post them.
    for (const batch of [0, 1]) {
      const lines = Array.from({ length: 300 }, (_, i) => `${batch}-${i}${'W'.repeat(270)}`).join('\n');
      expect((await api(suite.server.url, API.importIdeas(atelierId), { body: { text: lines }, token: ev.adminToken })).status).toBe(201);
    }
    // The server runs in this process: a timer here sees every turn its loop is held.
    let last = performance.now();
    let longest = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      const res = await report({ sections: ['ideas'] }, ev.adminToken);
      expect(res.status).toBe(200);
    } finally {
      clearInterval(tick);
    }
    expect(longest).toBeLessThan(1000);
  }, 120_000);
});
