import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import WS from 'ws';
import { API, C, SOCKET_PATH } from '@semis/shared';
import { useProcesses, type ServerProcess } from '../support/process';
import { isInputDecodingError, installProcessGuards, SURVIVABLE_PER_MINUTE } from '../../server/src/process/guard';

/** Issue #8: nothing a client sends ends the process (`npm start`, a real OS process). */

const processes = useProcesses();
let proc: ServerProcess;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-hostile-'));
processes.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
beforeAll(async () => {
  proc = await processes.spawn({ DATA_DIR: dataDir });
});

/** Raw bytes on a TCP socket: whatever comes back (or '' once closed). */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', () => resolve(out));
    socket.setTimeout(800, () => socket.destroy());
  });
}

describe('the process survives hostile requests', () => {
  it('answers malformed percent-escapes, bad JSON and oversized bodies with 4xx, and keeps serving', async () => {
    for (const path of ['/api/join/%E0%A4%A', '/api/boards/%E0%A4%A/export.png', '/api/assets/%ZZ', '/api/boards/%C0%AF']) {
      const res = await fetch(proc.url + path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    const bad = await fetch(proc.url + API.createEvent, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": "x",' });
    expect(bad.status).toBe(400);
    const big = await fetch(proc.url + API.createEvent, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(300_000) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('survives a y-websocket upgrade with a malformed percent-escape and garbage requests', async () => {
    const upgrade = (path: string) =>
      raw(proc.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await upgrade('/yjs/%E0%A4%A');
    await upgrade('/yjs/%E0%A4%A?token=%ZZ');
    await upgrade('/socket.io/?EIO=4&transport=websocket&x=%E0');
    await raw(proc.url, 'GET /%%%% HTTP/1.1\r\nHost: \r\n\r\n');
    await raw(proc.url, '\x00\x01\x02 garbage\r\n\r\n');
    const health = await fetch(proc.url + API.health);
    expect(health.status).toBe(200);
    expect(proc.child.exitCode).toBeNull();
  });
});

describe('the socket.io handshake is read as untrusted JSON', () => {
  it('survives an auth object whose lang or protocol is not a string, and answers those connections', async () => {
    const connectWith = (auth: string) =>
      new Promise<string[]>((resolve) => {
        const ws = new WS(`${proc.url.replace('http', 'ws')}${SOCKET_PATH}/?EIO=4&transport=websocket`);
        const got: string[] = [];
        ws.on('message', (m) => {
          got.push(String(m));
          if (String(m).startsWith('40')) ws.send(`421${JSON.stringify([C.timeSync, { t: 1 }])}`);
          if (String(m).startsWith('431')) ws.close();
        });
        ws.on('open', () => ws.send(`40${auth}`));
        ws.on('close', () => resolve(got));
        ws.on('error', () => resolve(got));
        setTimeout(() => ws.terminate(), 2000);
      });
    for (const auth of ['{"lang":{"a":1}}', '{"lang":["en"]}', '{"lang":123}', '{"lang":null}', '{"lang":"en","protocol":{"a":1}}']) {
      const got = await connectWith(auth);
      // Connected with the default language (or refused for its protocol), and answered.
      expect(got.some((m) => m.startsWith('431[{"ok":true') || m.includes('PROTOCOL_MISMATCH')), auth).toBe(true);
    }
    expect((await fetch(proc.url + API.health)).status).toBe(200);
    expect(proc.child.exitCode).toBeNull();
  });
});

describe('process guard policy', () => {
  it('keeps serving after input-decoding errors and rejections, stops gracefully otherwise or on a burst', () => {
    expect(isInputDecodingError(new URIError('URI malformed'))).toBe(true);
    expect(isInputDecodingError(new SyntaxError('Unexpected token'))).toBe(true);
    expect(isInputDecodingError(new TypeError('x is undefined'))).toBe(false);
    const logs: string[] = [];
    const stops: string[] = [];
    const before = { u: process.listenerCount('uncaughtException'), r: process.listenerCount('unhandledRejection') };
    const g = installProcessGuards({ log: (m) => logs.push(m), stop: (r) => stops.push(r), now: () => 1000 });
    try {
      g.uncaught(new URIError('URI malformed'));
      g.unhandled(new Error('lost promise'));
      expect(stops).toEqual([]);
      expect(logs.every((l) => l.startsWith('ALARM'))).toBe(true);
      g.uncaught(new TypeError('state half-changed'));
      expect(stops).toEqual(['uncaughtException']);
      for (let i = 0; i < SURVIVABLE_PER_MINUTE - 1; i++) g.unhandled(new Error('loop'));
      expect(stops).toEqual(['uncaughtException', 'unhandledRejection']);
    } finally {
      process.removeListener('uncaughtException', g.uncaught);
      process.removeListener('unhandledRejection', g.unhandled);
    }
    expect(process.listenerCount('uncaughtException')).toBe(before.u);
    expect(process.listenerCount('unhandledRejection')).toBe(before.r);
  });
});
