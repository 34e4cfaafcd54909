import { AppError } from '../errors';

/**
 * Bounds heavy work (reports, archives): at most `running` at once, `waiting` more in line,
 * anyone beyond is told SERVER_BUSY at once rather than piling up memory.
 */
export class Gate {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly running: number, private readonly waiting: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) throw new AppError('SERVER_BUSY');
      // The finishing job hands its slot over directly, so nobody can slip in between.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
