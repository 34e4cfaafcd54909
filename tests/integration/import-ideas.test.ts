import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, readIdeaCards, type CreateEventResult } from '@semis/shared';
import { createEvent, openBoard, useServer } from '../support/harness';
import { reachedServer } from '../support/evening';

const suite = useServer();
let ev: CreateEventResult;
beforeAll(async () => {
  ev = await createEvent(suite.server.url, 2);
});

async function importIdeas(atelierId: string, body: unknown, token = ev.adminToken) {
  const res = await fetch(suite.server.url + API.importIdeas(atelierId), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { imported: number; skipped: number; error?: { code: string } } };
}

async function wallTexts(boardId: string) {
  const board = openBoard(suite.server.url, boardId, ev.adminToken);
  await board.synced;
  const cards = readIdeaCards(board.doc);
  board.destroy();
  return cards;
}

describe('ideas collected beforehand', () => {
  it('from a pasted list: one per line, bullets dropped, blanks and repeats skipped, marked as imported', async () => {
    const atelier = ev.ateliers[0]!;
    const list = ['- Une épicerie « circuits courts »', '', '• Un tiers-lieu au cœur du bourg', '3. Des navettes le samedi', '- Une épicerie « circuits courts »', 'x'.repeat(400)].join('\n');
    const res = await importIdeas(atelier.id, { format: 'lines', text: list });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ imported: 3, skipped: 2 });
    await reachedServer(suite.server.url, atelier.boardId, ev.adminToken, (doc) => readIdeaCards(doc).length === 3);
    const cards = await wallTexts(atelier.boardId);
    expect(cards.map((c) => c.text).sort()).toEqual(['Des navettes le samedi', 'Un tiers-lieu au cœur du bourg', 'Une épicerie « circuits courts »']);
    expect(new Set(cards.map((c) => c.author))).toEqual(new Set(['Collecte préalable']));
    // Again: nothing doubles.
    expect((await importIdeas(atelier.id, { format: 'lines', text: list })).body).toEqual({ imported: 0, skipped: 5 });
  });

  it('from a CSV (French Excel, ;) by its Idée column, shown as imported in the CSV export', async () => {
    const atelier = ev.ateliers[1]!;
    const csv = '\uFEFFNom;Idée;Date\r\nMme A;"Un marché ; le dimanche";2026-01-10\r\nM. B;Une AMAP;2026-01-12\r\n';
    const res = await importIdeas(atelier.id, { format: 'csv', text: csv });
    expect(res.body).toEqual({ imported: 2, skipped: 0 });
    const exported = await fetch(suite.server.url + API.adminCsv('ideas'), { headers: { Authorization: `Bearer ${ev.adminToken}` } });
    const rows = parse(Buffer.from(await exported.arrayBuffer()), { bom: true }) as string[][];
    const marche = rows.find((r) => r[1] === 'Un marché ; le dimanche')!;
    expect(marche[5]).toBe('');
    expect(marche[6]).toBe('oui');
    // The imported ideas' author is nobody in the room.
    expect(await suite.server.semis.storage.archive.countParticipants(ev.event.id, null)).toBe(0);
  });

  it('refuses strangers, other ateliers of a co-facilitator, and too many ideas', async () => {
    const atelier = ev.ateliers[0]!;
    expect((await importIdeas(atelier.id, { text: 'Une idée' }, 'z'.repeat(30))).status).toBe(401);
    expect((await importIdeas('00000000-0000-4000-8000-000000000000', { text: 'Une idée' })).status).toBe(404);
    const many = Array.from({ length: 501 }, (_, i) => `Idée numéro ${i}`).join('\n');
    const tooMany = await importIdeas(atelier.id, { text: many });
    expect(tooMany.status).toBe(413);
    expect((await wallTexts(atelier.boardId)).length).toBe(3);
  });
});
