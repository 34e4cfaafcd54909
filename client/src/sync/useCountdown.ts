import { useEffect, useState } from 'react';
import { isLocked, remainingMs, type TimerState } from '@semis/shared';
import { serverNow, useClockOffset } from './serverClock';

export type CountdownState = 'running' | 'paused' | 'expired' | 'none';

export interface CountdownView {
  remainingMs: number;
  state: CountdownState;
  locked: boolean;
}

export function countdownView(timer: TimerState | null, now: number): CountdownView {
  if (!timer) return { remainingMs: 0, state: 'none', locked: false };
  const left = remainingMs(timer, now);
  const state: CountdownState = left === 0 ? 'expired' : timer.endsAt === null ? 'paused' : 'running';
  return { remainingMs: Math.round(left), state, locked: isLocked(timer, now) };
}

const TICK_MS = 250;

/** Re-renders only the countdown, four times a second while it runs (a second boundary is
 * never shown more than a quarter second late). */
export function useCountdown(timer: TimerState | null): CountdownView {
  useClockOffset();
  const [, setTick] = useState(0);
  const running = !!timer && timer.endsAt !== null;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(id);
  }, [running]);
  return countdownView(timer, serverNow());
}

/** Whether the timer has locked the atelier, re-rendering once at the moment it does — the
 * phone's idea list should not re-render every tick for one boolean. */
export function useTimerLocked(timer: TimerState | null): boolean {
  const offset = useClockOffset();
  const [, setTick] = useState(0);
  const now = serverNow();
  const locked = isLocked(timer, now);
  const wait = timer && timer.onZero === 'lock' && timer.endsAt !== null && !locked ? timer.endsAt - now : null;
  useEffect(() => {
    if (wait === null) return;
    const id = setTimeout(() => setTick((n) => n + 1), Math.min(wait + 20, 2 ** 31 - 1));
    return () => clearTimeout(id);
  }, [wait === null ? null : timer?.endsAt, offset]);
  return locked;
}
