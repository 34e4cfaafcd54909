/** A token bucket: `capacity` at most, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `n` tokens if there are that many; a refusal takes nothing. */
  take(n = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  get full(): boolean {
    return this.take(0) && this.tokens >= this.capacity;
  }
}

export interface SubjectLimits {
  /** Open /yjs connections at once. */
  connections: number;
  /** Bytes received over all its connections: burst and refill per second. */
  bytesBurst: number;
  bytesPerSecond: number;
  /** Messages received over all its connections. */
  messagesBurst: number;
  messagesPerSecond: number;
}

/** What one identity (a participant, or an event's facilitators) may send over all its /yjs
 * connections together: opening more connections or boards buys no more. */
export class SubjectBudget {
  readonly bytes: TokenBucket;
  readonly messages: TokenBucket;
  open = 0;

  constructor(readonly limits: SubjectLimits) {
    this.bytes = new TokenBucket(limits.bytesBurst, limits.bytesPerSecond);
    this.messages = new TokenBucket(limits.messagesBurst, limits.messagesPerSecond);
  }
}

/**
 * Budgets by subject. An entry outlives its last connection until its buckets refill, so
 * reconnecting does not reset a spent budget.
 */
export class SubjectBudgets {
  private readonly map = new Map<string, SubjectBudget>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly limitsFor: (role: string) => SubjectLimits) {
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  /** Counts a new connection; null when the subject already has as many as allowed. */
  open(subject: string, role: string): SubjectBudget | null {
    let b = this.map.get(subject);
    if (!b) this.map.set(subject, (b = new SubjectBudget(this.limitsFor(role))));
    if (b.open >= b.limits.connections) return null;
    b.open += 1;
    return b;
  }

  close(budget: SubjectBudget): void {
    budget.open = Math.max(0, budget.open - 1);
  }

  private sweep(): void {
    for (const [subject, b] of this.map) if (b.open === 0 && b.bytes.full && b.messages.full) this.map.delete(subject);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
