import pLimit from 'p-limit';
import { AppError } from '../errors';

/**
 * Heavy work (PNG exports, archives) runs a few at a time per process; a bounded number of
 * requests wait their turn and any beyond are refused at once with BUSY (503), so a burst of
 * exports costs queueing time, never memory.
 */
export class WorkQueue {
  private readonly limit: ReturnType<typeof pLimit>;
  constructor(
    concurrency: number,
    private readonly maxWaiting: number,
  ) {
    this.limit = pLimit(concurrency);
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.maxWaiting) return Promise.reject(new AppError('BUSY'));
    return this.limit(job);
  }

  get active(): number {
    return this.limit.activeCount;
  }
  get waiting(): number {
    return this.limit.pendingCount;
  }
}
