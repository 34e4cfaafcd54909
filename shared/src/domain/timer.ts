/**
 * Countdowns stored as deadlines, so every process and every client derives the same
 * remaining time from one clock (the server's) without ticking anything on the server.
 */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

export const TIMER_PRESETS = {
  /** "Dessiner son territoire": one hour for the poster. */
  poster: 60 * 60 * 1000,
  /** Ten minutes of restitution per group. */
  restitution: 10 * 60 * 1000,
  ideation: 15 * 60 * 1000,
  vote: 5 * 60 * 1000,
} as const;

export type OnZero = 'lock' | 'notify';

export interface TimerState {
  /** Length it was set to, for display ("sur 15 min"). */
  durationMs: number;
  /** Deadline (epoch ms) while running; null while paused. */
  endsAt: number | null;
  /** Time left while paused (ignored while running). */
  remainingMs: number;
  /** At zero: lock the atelier for participants, or only show "temps écoulé". */
  onZero: OnZero;
}

function checkDuration(ms: number): void {
  if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMER_MS) throw new RangeError('INVALID_TIMER');
}

export function startTimer(durationMs: number, onZero: OnZero, now: number): TimerState {
  checkDuration(durationMs);
  return { durationMs, endsAt: now + durationMs, remainingMs: durationMs, onZero };
}

export function remainingMs(t: TimerState, now: number): number {
  return Math.max(0, t.endsAt === null ? t.remainingMs : t.endsAt - now);
}

export function isRunning(t: TimerState): boolean {
  return t.endsAt !== null;
}

export function pauseTimer(t: TimerState, now: number): TimerState {
  if (t.endsAt === null) return t;
  return { ...t, endsAt: null, remainingMs: remainingMs(t, now) };
}

export function resumeTimer(t: TimerState, now: number): TimerState {
  if (t.endsAt !== null) return t;
  return { ...t, endsAt: now + t.remainingMs };
}

/** Adds (or, negative, removes) time; the result stays within 0 … 24 h. Adding to an expired
 * running timer restarts the countdown from now, which also lifts a lock. */
export function addTime(t: TimerState, deltaMs: number, now: number): TimerState {
  if (!Number.isFinite(deltaMs) || Math.abs(deltaMs) > MAX_TIMER_MS) throw new RangeError('INVALID_TIMER');
  const left = Math.min(MAX_TIMER_MS, Math.max(0, remainingMs(t, now) + deltaMs));
  const durationMs = Math.min(MAX_TIMER_MS, Math.max(1, t.durationMs + Math.max(0, deltaMs)));
  return t.endsAt === null ? { ...t, durationMs, remainingMs: left } : { ...t, durationMs, endsAt: now + left, remainingMs: left };
}

/** Participants are locked out once a "lock at zero" countdown has run out. */
export function isLocked(t: TimerState | null, now: number): boolean {
  return t !== null && t.onZero === 'lock' && remainingMs(t, now) === 0;
}

export interface ClockSample {
  /** Client clock when the request left. */
  sentAt: number;
  /** Server clock when it answered. */
  serverTime: number;
  /** Client clock when the answer arrived. */
  receivedAt: number;
}

/** serverClock − clientClock, from the sample with the shortest round trip (NTP's rule: the
 * least-delayed exchange has the least asymmetric error). */
export function clockOffset(samples: ClockSample[]): number {
  if (samples.length === 0) return 0;
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  return best.serverTime - (best.sentAt + best.receivedAt) / 2;
}
