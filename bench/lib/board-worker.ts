/**
 * A board worker (started by bench/lib/boards.ts): owns a share of the bench's read-only board
 * documents, each an official y-websocket provider on a Y.Doc, as phones and relay clients use
 * them. They live here so that applying every board update (in s3, 200 posts/s × 150 boards =
 * 30,000 applies/s) runs off the thread that sends the posts and stamps their acks: on one
 * thread, the acks' tail measured that thread's own stalls more than the server.
 *
 * It reports, batched once per turn of its loop (never one message per board per update), and
 * stamped with an absolute clock comparable across threads (performance.timeOrigin +
 * performance.now()), when each board synced and when all of its boards have seen an idea.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { cpuStalls } from './stats';

export type ToWorker =
  | { t: 'open'; id: number; url: string; room: string; params?: Record<string, string>; maxBackoffTime?: number }
  | { t: 'track'; epoch: number }
  | { t: 'stop' }
  | { t: 'eld' }
  | { t: 'close' };

export type FromWorker =
  | { t: 'ready' }
  | { t: 'synced'; boards: [id: number, at: number][] }
  | { t: 'seen'; epoch: number; keys: [key: string, at: number][] }
  | { t: 'tracking' }
  | { t: 'stopped'; frames: number }
  | { t: 'eld'; p99: number; max: number; cpuMax: number }
  | { t: 'closed' };

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);
const clock = () => performance.timeOrigin + performance.now();
// Each Node-side WebsocketProvider registers an exit hook; hundreds per worker are expected.
process.setMaxListeners(0);

// The boards stand for phones, each its own device: on the bench's 2 cores they should take the
// CPU the server and the timing thread leave, not delay them. Threads alone did not do it: with
// the boards in workers at the same priority, the timing thread's loop still waited up to 208 ms
// for a core while its own CPU stalls stayed under 6 ms. Linux nice values are per thread (the
// TID given to setpriority); BOARD_NICE=0 keeps the workers at the main thread's priority.
const nice = Number(process.env.BOARD_NICE ?? 19);
if (nice) {
  try {
    os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), nice);
  } catch {
    // Not Linux: the workers run at the main thread's priority.
  }
}

const boards = new Map<number, { doc: Y.Doc; provider: WebsocketProvider }>();
// This thread's own event-loop delay, reported apart from the timing thread's.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const stalls = cpuStalls();

/** Tracking: -1 off; else how many of this worker's boards have seen each idea key. */
let epoch = -1;
let seenBy = new Map<string, number>();
let frames = 0;
let synced: [number, number][] = [];
let seen: [string, number][] = [];
let flushQueued = false;

/** One message per kind per turn of the loop, whatever the number of boards that updated. */
function flushSoon(): void {
  if (flushQueued) return;
  flushQueued = true;
  setImmediate(flush);
}
function flush(): void {
  flushQueued = false;
  if (synced.length) send({ t: 'synced', boards: synced });
  if (seen.length && epoch >= 0) send({ t: 'seen', epoch, keys: seen });
  synced = [];
  seen = [];
}

function open(m: Extract<ToWorker, { t: 'open' }>): void {
  const doc = new Y.Doc();
  // The options of tests/support/harness.ts `openBoard` (Semis) or of the relay's clients; not
  // imported from the harness, which would load vitest and the whole server into each worker.
  const provider = new WebsocketProvider(m.url, m.room, doc, {
    WebSocketPolyfill: WS as unknown as typeof WebSocket,
    params: m.params,
    disableBc: true,
    maxBackoffTime: m.maxBackoffTime,
  });
  provider.awareness.setLocalState(null);
  doc.on('update', () => void frames++);
  doc.getMap('ideas').observe((e) => {
    if (epoch < 0) return;
    const now = clock();
    for (const key of e.keysChanged) {
      const n = (seenBy.get(key) ?? 0) + 1;
      seenBy.set(key, n);
      if (n === boards.size) {
        seen.push([key, now]);
        flushSoon();
      }
    }
  });
  const onSync = (s: boolean) => {
    if (!s) return;
    provider.off('sync', onSync);
    synced.push([m.id, clock()]);
    flushSoon();
  };
  provider.on('sync', onSync);
  boards.set(m.id, { doc, provider });
}

port.on('message', (m: ToWorker) => {
  switch (m.t) {
    case 'open':
      return open(m);
    case 'track':
      epoch = m.epoch;
      seenBy = new Map();
      frames = 0;
      seen = [];
      return send({ t: 'tracking' });
    case 'stop':
      flush();
      epoch = -1;
      return send({ t: 'stopped', frames });
    case 'eld':
      send({ t: 'eld', p99: loop.percentile(99) / 1e6, max: loop.max / 1e6, cpuMax: stalls.read().max });
      loop.reset();
      return stalls.reset();
    case 'close':
      for (const { doc, provider } of boards.values()) {
        provider.destroy();
        doc.destroy();
      }
      boards.clear();
      return send({ t: 'closed' });
  }
});
send({ t: 'ready' });
