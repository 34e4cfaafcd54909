import { randomUUID } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, MAX_UPLOAD_BYTES, type CreateEventResult, type GroupView } from '@semis/shared';
import { AFOM_COLUMNS, posterMaps, putNote, putShapes, readBackground } from '@semis/shared/posters';
import { call, createEvent, must, openBoard, useServer, waitFor } from '../support/harness';
import { boardOf, joinPerson, pngSize, type Person } from '../support/posters';

const suite = useServer();
let ev: CreateEventResult;
let member: Person;
let outsider: Person;
let group: GroupView;
let poster: string;

const mapPng = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#cde"/><path d="M0 150 Q150 50 300 120" stroke="#36c" stroke-width="8" fill="none"/></svg>').render().asPng();

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 1);
  [member, outsider] = await Promise.all([joinPerson(suite.server.url, ev, 'Léa'), joinPerson(suite.server.url, ev, 'Zoé')]);
  suite.open.push(member.socket, outsider.socket);
  group = must(await call<{ group: GroupView }>(member.socket, C.createGroup, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, name: 'Les Hauts', debate: true })).group;
  poster = boardOf(group, 'poster');
});

async function upload(boardId: string, body: Uint8Array | string, type: string, token?: string) {
  const res = await fetch(suite.server.url + API.boardBackground(boardId), {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; background?: { assetId: string; width: number; height: number } } };
}

async function get(route: string, token?: string) {
  const res = await fetch(suite.server.url + route, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('background map upload', () => {
  it('accepts a PNG from a group member, stores it, and shows it on the poster', async () => {
    const res = await upload(poster, mapPng, 'image/png', member.token);
    expect(res.status).toBe(201);
    expect(res.body.background).toMatchObject({ width: 300, height: 200 });
    const asset = await get(API.asset(res.body.background!.assetId), outsider.token);
    expect(asset.status).toBe(200);
    expect(asset.type).toBe('image/png');
    expect(asset.bytes).toEqual(new Uint8Array(mapPng));
    const reader = openBoard(suite.server.url, poster, outsider.token);
    await reader.synced;
    await waitFor(() => readBackground(reader.doc)?.assetId === res.body.background!.assetId, 3000, 'background in the doc');
    reader.destroy();
  });

  it('refuses other types, lying headers and bytes that are no image with 415', async () => {
    expect((await upload(poster, 'hello', 'text/plain', member.token)).status).toBe(415);
    const lying = await upload(poster, mapPng, 'image/jpeg', member.token);
    expect(lying.status).toBe(415);
    expect(lying.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(lying.body.error!.message).toMatch(/PNG, JPEG ou WebP/);
    const fake = new Uint8Array(2000).fill(0x41);
    expect((await upload(poster, fake, 'image/png', member.token)).status).toBe(415);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    expect((await upload(poster, svg, 'image/svg+xml', member.token)).status).toBe(415);
  });

  it('refuses an oversized upload with 413 and our error body', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1024);
    big.set(mapPng.subarray(0, 32));
    const res = await upload(poster, big, 'image/png', member.token);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses anonymous uploads (401) and non-members (403), keeping the background', async () => {
    expect((await upload(poster, mapPng, 'image/png')).status).toBe(401);
    const res = await upload(poster, mapPng, 'image/png', outsider.token);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('NOT_MEMBER');
    expect((await upload(poster, mapPng, 'image/png', ev.adminToken)).status).toBe(201);
    expect((await upload(boardOf(group, 'afom'), mapPng, 'image/png', member.token)).status).toBe(400);
  });
});

describe('exports', () => {
  it('draws the poster as SVG and as a PNG at least 4,000 px wide', async () => {
    const writer = openBoard(suite.server.url, poster, member.token);
    await writer.synced;
    putShapes(writer.doc, [
      { id: 'v', z: 1, domain: 'organisation', color: '#5b3a8c', x: 120, y: 80, type: 'symbol', symbol: 'maillage.point', size: 32, label: 'Saint-Amour' },
      { id: 'f', z: 2, domain: 'dynamique', color: '#d35400', x: 20, y: 150, type: 'line', symbol: 'dynamique.ligne', points: [0, 0, 200, -40], arrow: 'end', width: 6 },
    ]);
    // A malformed record written by a buggy client is skipped, not fatal.
    writer.doc.transact(() => posterMaps(writer.doc).shapes.set('broken', { type: 'symbol', x: 'nope' }));
    await waitFor(() => suite.server.semis.registry.use(poster, (r) => posterMaps(r.doc).shapes.size === 3), 3000, 'shapes on the server');
    writer.destroy();

    const svg = await get(API.boardExport(poster, 'svg'), outsider.token);
    expect(svg.status).toBe(200);
    expect(svg.type).toContain('image/svg+xml');
    const text = new TextDecoder().decode(svg.bytes);
    expect(text).toContain('Saint-Amour');
    expect(text).toContain('Chef-lieu');
    expect(text).toContain('data:image/png;base64,');
    expect(text).not.toContain('data-id="broken"');

    const png = await get(API.boardExport(poster, 'png'), outsider.token);
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(pngSize(png.bytes).width).toBe(4000);
    expect(pngSize(png.bytes).height).toBeGreaterThan(1000);
  });

  it('exports the AFOM matrix and the debate, at the width asked', async () => {
    const afom = boardOf(group, 'afom');
    const w = openBoard(suite.server.url, afom, member.token);
    await w.synced;
    putNote(w.doc, AFOM_COLUMNS, { id: 'n1', column: 'atouts', text: 'La forêt communale', color: '#c8e6c9', order: 0 });
    await waitFor(() => suite.server.semis.registry.use(afom, (r) => r.doc.getMap('notes').size === 1), 3000, 'note on the server');
    w.destroy();
    const svg = new TextDecoder().decode((await get(API.boardExport(afom, 'svg'), ev.adminToken)).bytes);
    expect(svg).toContain('Opportunités');
    expect(svg).toContain('La forêt communale');
    const png = await get(API.boardExport(afom, 'png') + '?width=5000', ev.adminToken);
    expect(pngSize(png.bytes).width).toBe(5000);
    const debate = await get(API.boardExport(boardOf(group, 'debat'), 'png'), member.token);
    expect(pngSize(debate.bytes).width).toBe(4000);
  });

  it('refuses small widths, unknown formats, strangers and other events', async () => {
    expect((await get(API.boardExport(poster, 'png') + '?width=100', member.token)).status).toBe(400);
    expect((await get(`/api/boards/${poster}/export.gif`, member.token)).status).toBe(404);
    expect((await get(API.boardExport(poster, 'svg'))).status).toBe(401);
    const other = await createEvent(suite.server.url, 1);
    expect((await get(API.boardExport(poster, 'svg'), other.adminToken)).status).toBe(404);
  });
});
