import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, EXPORT_PNG_MAX_HEIGHT, SERVER_ORIGIN, type CreateEventResult, type GroupView } from '@semis/shared';
import { posterMaps, putShapes, setBackground } from '@semis/shared/posters';
import { call, createEvent, must, openBoard, useServer, waitFor } from '../support/harness';
import { boardOf, joinPerson, pngSize, type Person } from '../support/posters';

/** Issue #8: a tall pen line or a decompression bomb must not make an export eat the machine. */

const suite = useServer();
let ev: CreateEventResult;
let member: Person;
let poster: string;

/** A real, valid PNG of width × height pixels, 1-bit grayscale, all black: tiny on disk, huge decoded. */
function bombPng(width: number, height: number): Buffer {
  const row = Buffer.alloc(1 + Math.ceil(width / 8)); // filter byte 0, then zero bits
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, no filter set, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Peak RSS of this process (which hosts the server) while `work` runs, sampled every 20 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; baseMb: number }> {
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  let peakMb = baseMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, process.memoryUsage().rss / 2 ** 20)), 20);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, process.memoryUsage().rss / 2 ** 20);
    return { result, peakMb, baseMb };
  } finally {
    clearInterval(timer);
  }
}

async function get(route: string, token: string) {
  const res = await fetch(suite.server.url + route, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) as { error: { code: string } } };
}

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 1);
  member = await joinPerson(suite.server.url, ev, 'Léa');
  suite.open.push(member.socket);
  const group = must(await call<{ group: GroupView }>(member.socket, C.createGroup, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, name: 'Les Hauts' })).group;
  poster = boardOf(group, 'poster');
});

describe('bounded exports', () => {
  it('exports a poster holding a pen line from y = −1,000,000 to +1,000,000 (scaled ×100) within 8,000 px and bounded memory', async () => {
    const writer = openBoard(suite.server.url, poster, member.token);
    await writer.synced;
    putShapes(writer.doc, [
      { id: 'tall', z: 1, domain: 'organisation', color: '#000000', x: 0, y: 0, type: 'pen', points: [0, -1_000_000, 0, 1_000_000], width: 4 },
      { id: 'taller', z: 2, domain: 'organisation', color: '#000000', x: 500, y: 0, type: 'pen', points: [0, -1_000_000, 0, 1_000_000], width: 4, scaleY: 100 },
      { id: 'wide', z: 3, domain: 'organisation', color: '#000000', x: 0, y: 300, type: 'pen', points: [-1_000_000, 0, 1_000_000, 0], width: 4, scaleX: 100 },
      { id: 'town', z: 4, domain: 'organisation', color: '#5b3a8c', x: 200, y: 200, type: 'symbol', symbol: 'maillage.point', size: 32, label: 'Saint-Amour' },
    ]);
    await waitFor(() => suite.server.semis.registry.use(poster, (r) => posterMaps(r.doc).shapes.size === 4), 3000, 'shapes on the server');
    writer.destroy();

    const { result: png, peakMb, baseMb } = await peakRss(() => get(API.boardExport(poster, 'png') + '?width=8000', member.token));
    console.log(`tall line export: ${JSON.stringify(pngSize(png.bytes))}, RSS ${baseMb.toFixed(0)} → peak ${peakMb.toFixed(0)} MB`);
    expect(png.status).toBe(200);
    const size = pngSize(png.bytes);
    expect(size.width).toBeLessThanOrEqual(8000);
    expect(size.height).toBeLessThanOrEqual(EXPORT_PNG_MAX_HEIGHT);
    expect(size.width * size.height).toBeLessThanOrEqual(64_000_000);
    // 8,000 × 8,000 RGBA is 256 MB: the export stays within a few times that, not gigabytes.
    expect(peakMb - baseMb).toBeLessThan(900);

    const svg = await get(API.boardExport(poster, 'svg'), member.token);
    expect(svg.status).toBe(200);
    const root = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(new TextDecoder().decode(svg.bytes))!;
    expect(Number(root[1])).toBeLessThan(21_000);
    expect(Number(root[2])).toBeLessThan(21_000);
    expect(new TextDecoder().decode(svg.bytes)).toContain('Saint-Amour');
  });

  it('refuses a 12,000 × 12,000 PNG bomb at upload with 413, before storing it', async () => {
    const bomb = bombPng(12_000, 12_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await suite.server.semis.registry.use(poster, (r) => posterMaps(r.doc).settings.get('background'));
    const res = await fetch(suite.server.url + API.boardBackground(poster), { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${member.token}` }, body: new Uint8Array(bomb) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('IMAGE_TOO_LARGE');
    expect(await suite.server.semis.registry.use(poster, (r) => posterMaps(r.doc).settings.get('background'))).toEqual(before);
    // Within the bounds on each side but over the pixel count: refused too.
    const flat = await fetch(suite.server.url + API.boardBackground(poster), { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${member.token}` }, body: new Uint8Array(bombPng(8000, 6000)) });
    expect(flat.status).toBe(413);
  });

  it('leaves an already stored bomb out of later exports instead of decoding it', async () => {
    const bomb = bombPng(12_000, 12_000);
    const asset = { id: randomUUID(), eventId: ev.event.id, boardId: poster, mime: 'image/png' as const, width: 12_000, height: 12_000, size: bomb.length, createdAt: new Date().toISOString() };
    await suite.server.semis.storage.posters.putAsset(asset, bomb);
    await suite.server.semis.registry.use(poster, (r) => setBackground(r.doc, { assetId: asset.id, width: 12_000, height: 12_000 }, SERVER_ORIGIN));
    const { result, peakMb, baseMb } = await peakRss(() => Promise.all([1, 2, 3].map(() => get(API.boardExport(poster, 'png'), member.token))));
    for (const r of result) expect(r.status).toBe(200);
    console.log(`3 exports with a stored bomb: RSS ${baseMb.toFixed(0)} → peak ${peakMb.toFixed(0)} MB`);
    expect(peakMb - baseMb).toBeLessThan(900);
  });

  it('queues exports: a burst beyond the queue is answered 503 BUSY, the rest succeed', async () => {
    const burst = await Promise.all(Array.from({ length: 14 }, () => get(API.boardExport(poster, 'png'), member.token)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(10);
    expect(statuses).toContain(503);
    for (const r of burst.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(503);
      expect(r.json().error.code).toBe('BUSY');
    }
  });
});
