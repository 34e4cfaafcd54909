/**
 * The one token bucket of the server: socket.io commands, y-websocket messages, HTTP routes
 * and join attempts all meter with it. `burst` tokens at most, refilled at `perSecond`.
 */
export interface Rate {
  burst: number;
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private at: number;

  /** Plain numbers only unless a test clock is given: a bucket lives in socket.data, which the
   * Redis adapter serialises for fetchSockets (a function there breaks that for every process). */
  constructor(
    private rate: Rate,
    private readonly clock?: () => number,
  ) {
    this.tokens = rate.burst;
    this.at = this.now();
  }

  private now(): number {
    return this.clock ? this.clock() : Date.now();
  }

  /** Takes `n` tokens if there are that many; false (and nothing taken) otherwise. */
  take(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Milliseconds until `n` tokens are available (0 if they are now). */
  waitMs(n = 1): number {
    this.refill();
    return this.tokens >= n ? 0 : Math.ceil(((n - this.tokens) / this.rate.perSecond) * 1000);
  }

  /** A new rate (e.g. once a connection proved it is a facilitator), starting full. */
  reset(rate: Rate): void {
    this.rate = rate;
    this.tokens = rate.burst;
    this.at = this.now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((t - this.at) / 1000) * this.rate.perSecond);
    this.at = t;
  }
}

/**
 * Buckets by key (a participant token's hash, a join code…), forgotten once full again so the
 * map stays as small as the set of keys active in the last few seconds.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; full: number }>();
  constructor(
    private readonly rate: Rate,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, n = 1): boolean {
    const t = this.now();
    let entry = this.buckets.get(key);
    if (!entry) {
      if (this.buckets.size >= this.maxKeys) this.sweep(t);
      entry = { bucket: new TokenBucket(this.rate, this.now), full: t };
      this.buckets.set(key, entry);
    }
    const ok = entry.bucket.take(n);
    entry.full = t + (this.rate.burst / this.rate.perSecond) * 1000;
    return ok;
  }

  waitMs(key: string, n = 1): number {
    return this.buckets.get(key)?.bucket.waitMs(n) ?? 0;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(t: number): void {
    for (const [k, e] of this.buckets) if (e.full <= t) this.buckets.delete(k);
    // Still full of active keys: drop the oldest rather than grow without bound.
    for (const k of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(k);
    }
  }
}
