import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { API } from '@semis/shared';
import { api, createEvent, useServer } from '../support/harness';

/**
 * Large bodies (archives, images) are buffered whole before they are checked: many uploads at
 * once must not add up to gigabytes. Those beyond a few are answered `503 BUSY` before their
 * body is read; the others read theirs one after the other.
 */

const suite = useServer();

/** A raw HTTP request that sends its headers and the first MiB of a huge body, then stalls:
 * resolves with the status line if the server answers meanwhile ('' if not within `ms`). */
function stalledUpload(url: string, path: string, headers: Record<string, string>, ms: number): { status: Promise<string>; socket: net.Socket } {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  const head = Object.entries({ Host: `${hostname}:${port}`, 'Content-Length': String(30 * 1024 * 1024), ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
  socket.write(Buffer.alloc(1024 * 1024, 0x20));
  socket.on('error', () => {});
  const status = new Promise<string>((resolve) => {
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (got.includes('\r\n')) resolve(got.split('\r\n')[0]!);
    });
    setTimeout(() => resolve(''), ms);
  });
  return { status, socket };
}

async function burst(path: string, headers: Record<string, string>, count: number): Promise<string[]> {
  const uploads = Array.from({ length: count }, () => stalledUpload(suite.server.url, path, headers, 1500));
  const statuses = await Promise.all(uploads.map((u) => u.status));
  for (const u of uploads) u.socket.destroy();
  return statuses;
}

describe('bodies buffered whole are read a few at a time', () => {
  it('answers archive imports beyond two reading and four waiting 503 BUSY at once, and frees their places when they hang up', async () => {
    const statuses = await burst(API.importEvent, { 'Content-Type': 'application/json' }, 12);
    // Six hold a place (their bodies never finish); the six others are refused without being read.
    expect(statuses.filter((s) => s.includes(' 503 '))).toHaveLength(6);
    expect(statuses.filter((s) => s === '')).toHaveLength(6);
    // The stalled ones hung up: their places are free again, and a real archive imports.
    const ev = await createEvent(suite.server.url, 1);
    const archive = await fetch(suite.server.url + API.adminArchive, { headers: { Authorization: `Bearer ${ev.adminToken}` } }).then((r) => r.text());
    const again = await fetch(suite.server.url + API.importEvent, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: archive });
    // Same event id as the one exported: refused as existing — after being read and checked.
    expect(again.status).toBe(409);
  }, 20_000);

  it('answers background uploads beyond four reading and sixteen waiting 503 BUSY at once', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const made = await api<{ group: { boards: { id: string; kind: string }[] } }>(suite.server.url, API.adminGroups, { body: { atelierId: ev.ateliers[0]!.id, name: 'Table 1' }, token: ev.adminToken });
    const group = made.body.group;
    const poster = group.boards.find((b) => b.kind === 'poster')!;
    const statuses = await burst(API.boardBackground(poster.id), { 'Content-Type': 'image/png', Authorization: `Bearer ${ev.adminToken}` }, 24);
    expect(statuses.filter((s) => s.includes(' 503 '))).toHaveLength(4);
    expect(statuses.filter((s) => s === '')).toHaveLength(20);
  }, 20_000);
});

describe('archive imports are rate-limited like event creation', () => {
  it('answers imports beyond a burst of 20 (then one every 2 s) 429 RATE_LIMITED, unread', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(suite.server.url + API.importEvent, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      codes.push(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toBe('1');
      await res.arrayBuffer();
    }
    // Importing creates an event, and checking 32 MiB costs the loop a few hundred ms.
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(5);
    expect(codes.filter((c) => c !== 429).every((c) => c === 400)).toBe(true);
  });
});
