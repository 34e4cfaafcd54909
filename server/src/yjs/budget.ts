import { TokenBucket } from '../limits/tokenBucket';

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
  /** When both buckets are full again if nothing more is taken (ms since the epoch). */
  fullAt = 0;

  constructor(readonly limits: SubjectLimits) {
    this.bytes = new TokenBucket({ burst: limits.bytesBurst, perSecond: limits.bytesPerSecond });
    this.messages = new TokenBucket({ burst: limits.messagesBurst, perSecond: limits.messagesPerSecond });
  }

  /** Takes one message of `bytes` from both buckets; false when either is spent. */
  take(bytes: number): boolean {
    const { limits } = this;
    this.fullAt = Date.now() + Math.max(limits.bytesBurst / limits.bytesPerSecond, limits.messagesBurst / limits.messagesPerSecond) * 1000;
    return this.messages.take() && this.bytes.take(bytes);
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
    const now = Date.now();
    for (const [subject, b] of this.map) if (b.open === 0 && b.fullAt <= now) this.map.delete(subject);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
