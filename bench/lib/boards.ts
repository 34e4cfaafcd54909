/**
 * The bench's board documents, kept in worker threads (bench/lib/board-worker.ts) so the main
 * thread — socket.io clients, posts, acks, their timestamps — does not wait behind Yjs applies.
 * Boards are dealt round-robin to BOARD_WORKERS workers (default 2: the machine's two cores).
 * Times are absolute (`clock()`), the same clock in every thread.
 */
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { FromWorker, ToWorker } from './board-worker';

export const clock = (): number => performance.timeOrigin + performance.now();

export interface Tracker {
  /** When each idea was sent (`clock()`), set by the sender before it sends. */
  postedAt: Map<string, number>;
  /** Per idea: from its sending to the moment the last board of the last worker had it (ms). */
  visible: number[];
  settle(ms?: number): Promise<void>;
  /** Stops tracking; resolves with the board frames applied per board since `track()`. */
  stop(): Promise<number>;
}

interface Thread {
  worker: Worker;
  boards: number;
  /** Replies awaited, by kind, in order (a worker answers each request in turn). */
  waiting: Map<FromWorker['t'], ((m: FromWorker) => void)[]>;
}

export class BoardFleet {
  private nextId = 0;
  private epoch = 0;
  private readonly syncWaiters = new Map<number, (at: number) => void>();
  private onSeen: ((epoch: number, keys: [string, number][]) => void) | null = null;

  private constructor(private readonly threads: Thread[]) {
    for (const th of threads) {
      th.worker.on('message', (m: FromWorker) => {
        if (m.t === 'synced') {
          for (const [id, at] of m.boards) {
            this.syncWaiters.get(id)?.(at);
            this.syncWaiters.delete(id);
          }
        } else if (m.t === 'seen') this.onSeen?.(m.epoch, m.keys);
        else th.waiting.get(m.t)?.shift()?.(m);
      });
    }
  }

  static async start(workers = Number(process.env.BOARD_WORKERS ?? 2)): Promise<BoardFleet> {
    const threads = await Promise.all(
      Array.from({ length: workers }, async () => {
        const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { entry: new URL('./board-worker.ts', import.meta.url).href } });
        worker.on('error', (err) => {
          console.error('board worker:', err);
          process.exit(1);
        });
        await new Promise<void>((resolve) => worker.once('message', () => resolve()));
        return { worker, boards: 0, waiting: new Map() } satisfies Thread;
      }),
    );
    return new BoardFleet(threads);
  }

  get size(): number {
    return this.threads.reduce((n, th) => n + th.boards, 0);
  }

  /** Opens a read-only board in a worker; resolves with the time (`clock()`) it synced. */
  open(url: string, room: string, opts: { params?: Record<string, string>; maxBackoffTime?: number } = {}): Promise<number> {
    const id = this.nextId++;
    const th = this.threads[id % this.threads.length]!;
    th.boards++;
    const synced = new Promise<number>((resolve) => this.syncWaiters.set(id, resolve));
    th.worker.postMessage({ t: 'open', id, url, room, ...opts } satisfies ToWorker);
    return synced;
  }

  private ask<K extends FromWorker['t']>(th: Thread, m: ToWorker, reply: K): Promise<Extract<FromWorker, { t: K }>> {
    return new Promise((resolve) => {
      const queue = th.waiting.get(reply) ?? [];
      queue.push(resolve as (m: FromWorker) => void);
      th.waiting.set(reply, queue);
      th.worker.postMessage(m);
    });
  }

  /** Starts counting, per idea key, the boards that have it: visible once every worker with
   * boards says all of its boards have it, at the latest of their times. */
  async track(): Promise<Tracker> {
    const epoch = ++this.epoch;
    const active = this.threads.filter((th) => th.boards > 0);
    const postedAt = new Map<string, number>();
    const visible: number[] = [];
    const partial = new Map<string, { workers: number; at: number }>();
    this.onSeen = (e, keys) => {
      if (e !== epoch) return;
      for (const [key, at] of keys) {
        const p = partial.get(key) ?? { workers: 0, at: 0 };
        p.workers++;
        p.at = Math.max(p.at, at);
        if (p.workers < active.length) partial.set(key, p);
        else {
          partial.delete(key);
          const t0 = postedAt.get(key);
          if (t0 !== undefined) visible.push(p.at - t0);
        }
      }
    };
    // Awaited so that no board update can be counted before every worker has reset.
    await Promise.all(active.map((th) => this.ask(th, { t: 'track', epoch }, 'tracking')));
    return {
      postedAt,
      visible,
      async settle(ms = 5000) {
        const deadline = performance.now() + ms;
        while (visible.length < postedAt.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      },
      stop: async () => {
        const replies = await Promise.all(active.map((th) => this.ask(th, { t: 'stop' }, 'stopped')));
        if (this.epoch === epoch) this.onSeen = null;
        return replies.reduce((n, r) => n + r.frames, 0) / this.size;
      },
    };
  }

  /** Each worker's event-loop delay and longest CPU stall (ms) since the previous call. */
  eld(): Promise<ThreadEld[]> {
    return Promise.all(this.threads.map((th) => this.ask(th, { t: 'eld' }, 'eld')));
  }

  /** Destroys every board and ends the workers. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((th) => this.ask(th, { t: 'close' }, 'closed')));
    await Promise.all(this.threads.map((th) => th.worker.terminate()));
  }
}

export interface ThreadEld { p99: number; max: number; cpuMax: number }
/** One or more threads' event-loop delay, e.g. `p99 40.5 / 38.0 ms (max 207 / 150; CPU stall max 9 / 12)`. */
export const threadsEldText = (xs: ThreadEld[]): string => {
  const each = (f: (x: ThreadEld) => number, digits: number) => xs.map((x) => f(x).toFixed(digits)).join(' / ');
  return `p99 ${each((x) => x.p99, 1)} ms (max ${each((x) => x.max, 0)}; CPU stall max ${each((x) => x.cpuMax, 0)})`;
};
