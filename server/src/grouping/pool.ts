import { GROUPING_MAX_IDEAS, GROUPING_QUEUE_MAX, GROUPING_TIMEOUT_MS } from '@semis/shared';
import type { GroupingInput, GroupingOptions, GroupingResult } from '@semis/shared/grouping';
import { Piscina } from 'piscina';
import { AppError } from '../errors';
import type { GroupingTask } from './task';

export interface GroupingPoolOptions {
  queueMax?: number;
  timeoutMs?: number;
  maxIdeas?: number;
  /** The worker's old-generation heap cap, in MB (see GROUPING_HEAP_MB). */
  heapMb?: number;
}

/**
 * A 5,000-idea wall, the largest accepted, needs under 100 MB of heap in the worker, its code and
 * data included (tests/integration/grouping-worker.test.ts): the cap keeps a grouping that
 * would need far more (a regression, a pathological wall) to the worker, which dies alone.
 */
export const GROUPING_HEAP_MB = 256;

/**
 * The offline grouping is CPU-bound for up to seconds on a big wall (issue #13): it runs in a
 * worker thread so sockets, timers and `time:sync` keep flowing meanwhile. One thread (the
 * server has 2 cores and the event loop needs one), a bounded queue answered BUSY beyond,
 * a timeout that terminates the thread (piscina starts a fresh one for the next request), and
 * a heap cap so a pathological wall costs the worker, not the server. Once started, the thread
 * stays: it holds the lexicon, the thesaurus and the Lefff parsed (about 1 s to load them again,
 * the Lefff alone 0.7 s), and a facilitator asks again minutes later, not within a minute.
 */
export class GroupingPool {
  private pool: Piscina<GroupingTask, GroupingResult> | null = null;
  private readonly queueMax: number;
  private readonly timeoutMs: number;
  private readonly maxIdeas: number;
  private readonly heapMb: number;

  constructor(options: GroupingPoolOptions = {}) {
    this.queueMax = options.queueMax ?? GROUPING_QUEUE_MAX;
    this.timeoutMs = options.timeoutMs ?? GROUPING_TIMEOUT_MS;
    this.maxIdeas = options.maxIdeas ?? GROUPING_MAX_IDEAS;
    this.heapMb = options.heapMb ?? GROUPING_HEAP_MB;
  }

  async suggest(ideas: GroupingInput[], options: GroupingOptions): Promise<GroupingResult> {
    if (ideas.length > this.maxIdeas) throw new AppError('PAYLOAD_TOO_LARGE');
    // Started on first use: a server nobody asks for suggestions never pays for the thread.
    this.pool ??= new Piscina<GroupingTask, GroupingResult>({
      // Same way as the SQLite worker: a file next to the module, by URL. From sources it is the
      // shim loading task.ts; in the compiled server, the bundled task (build-server.mjs).
      filename: new URL('./grouping-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      maxQueue: this.queueMax,
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    if (this.pool.queueSize >= this.queueMax) throw new AppError('BUSY');
    try {
      return await this.pool.run({ ideas, options }, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      // Queue full (a race with the check above) or over time: the client may retry later.
      if (err instanceof Error && (err.name === 'AbortError' || err.message === 'Task queue is at limit')) throw new AppError('BUSY');
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}
