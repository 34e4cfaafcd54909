import WS from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { YJS_PATH } from '@semis/shared';

/** Raw y-websocket helpers: what a client written from docs/protocol.md alone sends. */

export const wsUrl = (base: string, boardId: string, token?: string) =>
  `${base.replace(/^http/, 'ws')}${YJS_PATH}/${boardId}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

/** Opens a WebSocket and reports the HTTP status of a refused upgrade (101 when accepted). */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WS(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', reject);
  });
}

export function closeOf(ws: WS): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

export async function openRaw(url: string, headers: Record<string, string> = {}): Promise<WS> {
  const ws = new WS(url, { headers });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

export function syncMessage(kind: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, kind);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

export const updateMessage = (update: Uint8Array) => syncMessage(syncProtocol.messageYjsUpdate, update);

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 1);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** An awareness update speaking for these client ids. */
export function awarenessUpdate(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(enc);
}

export interface Received {
  type: number;
  sync?: number;
  payload: Uint8Array;
  bytes: number;
}

/** Collects a raw socket's incoming messages; `onEach` sees them as they come. */
export function inbox(ws: WS, onEach?: (m: Received) => unknown): Received[] {
  const got: Received[] = [];
  ws.on('message', (data: Buffer) => {
    const dec = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(dec);
    const m: Received =
      type === 0
        ? { type, sync: decoding.readVarUint(dec), payload: decoding.readVarUint8Array(dec), bytes: data.byteLength }
        : { type, payload: type === 1 ? decoding.readVarUint8Array(dec) : new Uint8Array(), bytes: data.byteLength };
    got.push(m);
    onEach?.(m);
  });
  return got;
}

/**
 * A crafted update: `n` entries for one key of the root map `map`, each from its own client id
 * (ascending) and none after another — n concurrent inserts at one place, which Yjs integrates
 * in n² steps. Encoded by hand: making n docs and merging them is itself quadratic.
 */
export function siblingBomb(n: number, map = 'layout', key = 'k', firstClient = 1000): Uint8Array {
  const one = new Y.Doc();
  one.clientID = 7;
  one.getMap(map).set(key, 1);
  const single = Y.encodeStateAsUpdate(one);
  // [clients=1][structs=1][client][clock] item… [delete set=0]: keep the item's bytes.
  const dec = decoding.createDecoder(single);
  for (let i = 0; i < 4; i++) decoding.readVarUint(dec);
  const item = single.subarray(dec.pos, single.length - 1);
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, n);
  for (let i = 0; i < n; i++) {
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, firstClient + i);
    encoding.writeVarUint(enc, 0);
    encoding.writeUint8Array(enc, item);
  }
  encoding.writeVarUint(enc, 0);
  return encoding.toUint8Array(enc);
}
