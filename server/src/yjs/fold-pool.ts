import { Piscina } from 'piscina';
import { type FoldTask, runFold } from './fold';

/** Logs up to this many bytes fold in place: a few milliseconds, less than a thread hop. */
export const INLINE_FOLD_BYTES = 16 * 1024;

/**
 * Folds boards' logs off the main thread. A wall of 2,000 cards whose log was never compacted
 * is 2,000 updates, 500 KB: `Y.mergeUpdates` alone took 80–160 ms of the event loop (issue #13),
 * on each load, each compaction and each présenter step over clusters — every connection of
 * the process frozen meanwhile. One thread, started on the first long log and stopped after a
 * minute without work; short logs fold in place.
 */
export class FoldPool {
  private pool: Piscina<FoldTask, Uint8Array | string[]> | null = null;

  constructor(private readonly inlineBytes = INLINE_FOLD_BYTES) {}

  merge(parts: Uint8Array[]): Promise<Uint8Array> {
    return this.run({ op: 'merge', parts }) as Promise<Uint8Array>;
  }

  /** The state with deleted content dropped (the RGPD purge's compaction). */
  collect(parts: Uint8Array[]): Promise<Uint8Array> {
    return this.run({ op: 'collect', parts }) as Promise<Uint8Array>;
  }

  clusterIds(parts: Uint8Array[], boardId: string, kind: string): Promise<string[]> {
    return this.run({ op: 'clusters', parts, boardId, kind }) as Promise<string[]>;
  }

  private async run(task: FoldTask): Promise<Uint8Array | string[]> {
    let bytes = 0;
    for (const p of task.parts) bytes += p.byteLength;
    if (bytes <= this.inlineBytes) return runFold(task);
    this.pool ??= new Piscina<FoldTask, Uint8Array | string[]>({
      // As the grouping pool: from sources, the shim loading fold-task.ts; in the
      // compiled server, the bundled task (build-server.mjs).
      filename: new URL('./fold-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
      execArgv: [],
    });
    return this.pool.run(task);
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}
