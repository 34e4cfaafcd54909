import { KeyedBuckets } from './tokenBucket';
import { AppError } from '../errors';

/**
 * Join codes are short enough to type (~2.4 × 10⁸ values), so guessing them is slowed down —
 * per connection and per participant token, never per IP address: a venue's 150 phones share
 * one public address and must all get in while a guesser is held back.
 *
 * - A connection (a socket.io socket, or the TCP connection of an HTTP request) gets
 *   FREE_FAILURES wrong codes or tokens for typos, then waits 1 s, 2 s, 4 s… (at most 30 s)
 *   before each new attempt; attempts during the wait are refused with RATE_LIMITED without
 *   being looked up. After MAX_FAILURES it is closed. A success clears its count.
 * - A participant token may be presented TOKEN_RATE times (burst, then per second).
 * - Every failure counts against a process-wide budget per minute (GLOBAL_FAILED_PER_MINUTE):
 *   past it an ALARM is logged once per minute and waits start from the first failure.
 */
export const JOIN_LIMITS = {
  FREE_FAILURES: 3,
  BASE_WAIT_MS: 1000,
  MAX_WAIT_MS: 30_000,
  MAX_FAILURES: 20,
  TOKEN_RATE: { burst: 10, perSecond: 0.5 },
  GLOBAL_FAILED_PER_MINUTE: 300,
} as const;

interface ConnState {
  failures: number;
  notBefore: number;
}

export class JoinGuard {
  private readonly conns = new WeakMap<object, ConnState>();
  private readonly tokens: KeyedBuckets;
  private windowStart = 0;
  private windowFailures = 0;
  private alarmed = false;

  constructor(
    private readonly log: (m: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = new KeyedBuckets(JOIN_LIMITS.TOKEN_RATE, 100_000, now);
  }

  /** Before looking anything up: throws RATE_LIMITED if this connection or token must wait. */
  check(conn: object, tokenKey?: string): void {
    const state = this.conns.get(conn);
    if (state && this.now() < state.notBefore) throw new AppError('RATE_LIMITED');
    if (tokenKey !== undefined && !this.tokens.take(tokenKey)) throw new AppError('RATE_LIMITED');
  }

  /** How long this connection must still wait before its next attempt (ms; 0: none). */
  waitMs(conn: object): number {
    const state = this.conns.get(conn);
    return state ? Math.max(0, state.notBefore - this.now()) : 0;
  }

  /** A wrong code or token: returns true when the connection should be closed. */
  failed(conn: object): boolean {
    const t = this.now();
    const underAlarm = this.countGlobal(t);
    const state = this.conns.get(conn) ?? { failures: 0, notBefore: 0 };
    state.failures += 1;
    const free = underAlarm ? 0 : JOIN_LIMITS.FREE_FAILURES;
    if (state.failures > free) {
      const wait = JOIN_LIMITS.BASE_WAIT_MS * 2 ** Math.min(state.failures - free - 1, 10);
      state.notBefore = t + Math.min(JOIN_LIMITS.MAX_WAIT_MS, wait);
    }
    this.conns.set(conn, state);
    return state.failures >= JOIN_LIMITS.MAX_FAILURES;
  }

  succeeded(conn: object): void {
    this.conns.delete(conn);
  }

  /** Whether the process-wide failure budget of the current minute is spent. */
  get underAlarm(): boolean {
    return this.alarmed && this.now() - this.windowStart < 60_000;
  }

  private countGlobal(t: number): boolean {
    if (t - this.windowStart >= 60_000) {
      this.windowStart = t;
      this.windowFailures = 0;
      this.alarmed = false;
    }
    this.windowFailures += 1;
    if (this.windowFailures > JOIN_LIMITS.GLOBAL_FAILED_PER_MINUTE && !this.alarmed) {
      this.alarmed = true;
      this.log(`ALARM join guessing: more than ${JOIN_LIMITS.GLOBAL_FAILED_PER_MINUTE} failed joins within a minute; every connection now waits from its first failure`);
    }
    return this.alarmed;
  }
}

/** Whether a refusal of a join means a guess missed (wrong code or token). */
export function isFailedGuess(err: unknown): boolean {
  return err instanceof AppError && (err.code === 'UNKNOWN_CODE' || err.code === 'NOT_AUTHENTICATED');
}
