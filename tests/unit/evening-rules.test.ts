import { describe, expect, it } from 'vitest';
import {
  ACTIONS, addTime, canTransition, clockOffset, INITIAL_PHASE, isLocked, MAX_TIMER_MS, nextPhase, pauseTimer, PHASE_ACTIONS, PHASES, previousPhase,
  pseudonymKey, refusal, remainingMs, resumeTimer, startTimer, type Action,
} from '@semis/shared';

describe('phases', () => {
  it('run préparation → idéation → regroupement → vote → restitution → clôturé', () => {
    expect(PHASES).toEqual(['preparation', 'ideation', 'regroupement', 'vote', 'restitution', 'cloture']);
    expect(INITIAL_PHASE).toBe('ideation');
    expect(nextPhase('vote')).toBe('restitution');
    expect(nextPhase('cloture')).toBeNull();
    expect(previousPhase('preparation')).toBeNull();
    expect(previousPhase('ideation')).toBe('preparation');
  });

  it('move one step forward or back only, so every advance can be undone', () => {
    for (const [i, from] of PHASES.entries()) {
      for (const [j, to] of PHASES.entries()) expect(canTransition(from, to)).toBe(Math.abs(i - j) === 1);
    }
  });
});

describe('the phase × role permission table', () => {
  const participantMay = (phase: (typeof PHASES)[number]) => ACTIONS.filter((a) => refusal('participant', a, { phase }) === null);

  it('lets participants post only in idéation and vote only in vote', () => {
    for (const phase of PHASES) {
      expect(refusal('participant', 'idea.post', { phase }) === null).toBe(phase === 'ideation');
      expect(refusal('participant', 'vote.cast', { phase }) === null).toBe(phase === 'vote');
      expect(refusal('participant', 'board.read', { phase })).toBeNull();
    }
    const poster = ['board.export', 'group.create', 'group.join', 'groupBoard.write', 'poster.comment', 'poster.react'];
    expect(participantMay('ideation').sort()).toEqual(['board.read', 'idea.deleteOwn', 'idea.editOwn', 'idea.post', ...poster].sort());
    // The poster workshop runs beside the wall's phases, until the atelier closes.
    expect(participantMay('regroupement').sort()).toEqual(['board.read', ...poster].sort());
    expect(participantMay('cloture').sort()).toEqual(['board.export', 'board.read']);
  });

  it('names why: phase, closed atelier, role', () => {
    expect(refusal('participant', 'idea.post', { phase: 'vote' })).toBe('PHASE_FORBIDS');
    expect(refusal('participant', 'idea.post', { phase: 'cloture' })).toBe('ATELIER_CLOSED');
    expect(refusal('participant', 'phase.change', { phase: 'ideation' })).toBe('FORBIDDEN');
    expect(refusal('facilitator', 'timer.control', { phase: 'cloture' })).toBe('ATELIER_CLOSED');
  });

  it('keeps facilitator tools in every open phase, and only reopening in clôturé', () => {
    for (const phase of PHASES.filter((p) => p !== 'cloture')) {
      for (const a of ['board.write', 'phase.change', 'timer.control', 'idea.moderate'] as Action[]) expect(refusal('facilitator', a, { phase })).toBeNull();
    }
    expect(PHASE_ACTIONS.cloture.facilitator).toContain('phase.change');
    expect(refusal('facilitator', 'board.write', { phase: 'cloture' })).toBe('ATELIER_CLOSED');
  });

  it('locks participants’ writes, not their reading, when the timer ran out with lock', () => {
    expect(refusal('participant', 'idea.post', { phase: 'ideation', locked: true })).toBe('ATELIER_LOCKED');
    expect(refusal('participant', 'board.read', { phase: 'ideation', locked: true })).toBeNull();
    expect(refusal('facilitator', 'board.write', { phase: 'ideation', locked: true })).toBeNull();
  });

  it('only grants participants actions of the participant role', () => {
    for (const phase of PHASES) for (const a of PHASE_ACTIONS[phase].participant) expect(refusal('participant', a)).toBeNull();
  });
});

describe('timer arithmetic', () => {
  const t0 = 1_000_000;

  it('counts down from a deadline and stops at zero', () => {
    const t = startTimer(60_000, 'notify', t0);
    expect(remainingMs(t, t0 + 15_000)).toBe(45_000);
    expect(remainingMs(t, t0 + 90_000)).toBe(0);
  });

  it('pauses and resumes without losing or gaining time', () => {
    const paused = pauseTimer(startTimer(60_000, 'notify', t0), t0 + 10_000);
    expect(paused.endsAt).toBeNull();
    expect(remainingMs(paused, t0 + 999_999)).toBe(50_000);
    expect(pauseTimer(paused, t0 + 20_000)).toBe(paused);
    const resumed = resumeTimer(paused, t0 + 30_000);
    expect(remainingMs(resumed, t0 + 40_000)).toBe(40_000);
    expect(resumeTimer(resumed, t0 + 50_000)).toBe(resumed);
  });

  it('adds and removes minutes, running or paused, within 0 … 24 h', () => {
    const t = startTimer(60_000, 'notify', t0);
    expect(remainingMs(addTime(t, 120_000, t0 + 30_000), t0 + 30_000)).toBe(150_000);
    expect(remainingMs(addTime(t, -600_000, t0), t0)).toBe(0);
    const p = pauseTimer(t, t0 + 10_000);
    expect(remainingMs(addTime(p, 5_000, t0 + 20_000), t0 + 99_000)).toBe(55_000);
    expect(remainingMs(addTime(startTimer(MAX_TIMER_MS, 'notify', t0), MAX_TIMER_MS, t0), t0)).toBe(MAX_TIMER_MS);
  });

  it('restarts an expired countdown when time is added, which lifts its lock', () => {
    const t = startTimer(1_000, 'lock', t0);
    expect(isLocked(t, t0 + 5_000)).toBe(true);
    const more = addTime(t, 60_000, t0 + 5_000);
    expect(isLocked(more, t0 + 5_000)).toBe(false);
    expect(remainingMs(more, t0 + 5_000)).toBe(60_000);
  });

  it('locks only with onZero "lock"', () => {
    expect(isLocked(startTimer(1_000, 'notify', t0), t0 + 5_000)).toBe(false);
    expect(isLocked(null, t0)).toBe(false);
    expect(isLocked(startTimer(1_000, 'lock', t0), t0 + 500)).toBe(false);
  });

  it.each([0, -5, Number.NaN, Infinity, MAX_TIMER_MS + 1])('refuses an absurd duration (%s)', (ms) => {
    expect(() => startTimer(ms, 'notify', t0)).toThrow(RangeError);
  });

  it('estimates the server clock offset from the fastest round trip', () => {
    // Client clock is 5 s behind the server; the slow sample's asymmetry would mislead.
    const samples = [
      { sentAt: 1000, serverTime: 6150, receivedAt: 1400 },
      { sentAt: 2000, serverTime: 7010, receivedAt: 2020 },
    ];
    expect(clockOffset(samples)).toBe(5000);
    expect(clockOffset([])).toBe(0);
  });
});

describe('pseudonym keys', () => {
  it('ignore case, accents and spacing, so a blocked name cannot come back disguised', () => {
    expect(pseudonymKey('  Kévin   Dupont ')).toBe('kevin dupont');
    expect(pseudonymKey('KEVIN DUPONT')).toBe(pseudonymKey('kévin dupont'));
  });
});
