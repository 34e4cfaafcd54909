import { addTime, pauseTimer, resumeTimer, startTimer, type Atelier, type C, type CommandPayload, type TimerState } from '@semis/shared';
import { AppError } from '../errors';
import { checkFacilitatorOn, requireWholeEvent, type FacilitatorPrincipal } from './access';
import { audit as log } from './audit';
import { changedAteliers, type EveningDeps } from './phases';

export async function controlTimer(deps: EveningDeps, who: FacilitatorPrincipal, cmd: CommandPayload<typeof C.timer>): Promise<{ timer: TimerState | null; serverTime: number }> {
  const now = Date.parse(deps.now());
  let current: TimerState | null;
  let atelier: Atelier | null = null;
  if (cmd.target === 'event') {
    requireWholeEvent(who);
    current = (await deps.storage.getEvent(who.event.id))?.timer ?? null;
  } else {
    atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(cmd.target), 'timer.control');
    current = atelier.timer;
  }
  let next: TimerState | null;
  try {
    next = applyTimer(cmd, current, now);
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('INVALID_TIMER', 'durationMs');
    throw err;
  }
  if (atelier) {
    await deps.storage.updateAteliers([atelier.id], { timer: next });
    await changedAteliers(deps, [atelier.id]);
  } else {
    await deps.storage.setEventTimer(who.event.id, next);
    deps.broadcast.eventState({ id: who.event.id, timer: next });
  }
  await log(deps, who, atelier?.id ?? null, `timer.${cmd.action}`, cmd.target, next ? JSON.stringify(next) : '');
  return { timer: next, serverTime: now };
}

function applyTimer(cmd: CommandPayload<typeof C.timer>, t: TimerState | null, now: number): TimerState | null {
  if (cmd.action === 'start') return startTimer(cmd.durationMs, cmd.onZero, now);
  if (cmd.action === 'clear') return null;
  if (!t) throw new AppError('INVALID_TIMER', 'action');
  if (cmd.action === 'pause') return pauseTimer(t, now);
  if (cmd.action === 'resume') return resumeTimer(t, now);
  return addTime(t, cmd.deltaMs, now);
}
