import { randomUUID } from 'node:crypto';
import {
  addTime, canTransition, configureAtelierPayload, coFacilitatorPayload, isLocked, pauseTimer, resumeTimer, revealPayload, setPhasePayload, startTimer, timerPayload,
  type Atelier, type AtelierDashboard, type Dashboard, type FacilitatorAuthResult, type TimerState,
} from '@semis/shared';
import { AppError } from '../errors';
import { hashToken, newToken } from '../auth/tokens';
import type { AtelierChanges } from '../storage/types';
import { checkFacilitatorOn, requireWholeEvent, type FacilitatorPrincipal } from './access';
import { parse, publishAll, reconcileBoardFor, type IdeaDeps } from './ideas';
import { audit as log } from './audit';
import { closeAtelierVote, openAtelierVote } from './votes';
import { adminLink } from './events';

export interface EveningDeps extends IdeaDeps {
  /** Participants connected per atelier right now (across processes). */
  connectedCounts: (atelierIds: string[]) => Promise<Map<string, number>>;
  /** Board write rights are decided at connection: closing or reopening an atelier makes its
   * boards' connections (in every process) reconnect with the new rights. */
  reconnectBoardsOf: (atelierIds: string[]) => void;
}

export async function facilitatorView(deps: EveningDeps, who: FacilitatorPrincipal): Promise<FacilitatorAuthResult> {
  const { adminTokenHash: _, ...event } = (await deps.storage.getEvent(who.event.id)) ?? who.event;
  const ateliers = await deps.storage.listAteliers(event.id);
  return { event, ateliers: inScope(who, ateliers), scope: who.scope, actor: who.actor, serverTime: Date.now() };
}

function inScope(who: FacilitatorPrincipal, ateliers: Atelier[]): Atelier[] {
  return who.scope === null ? ateliers : ateliers.filter((a) => a.id === who.scope);
}

/** Moves one, several or all ateliers one phase forward or back — all of them, or none. */
export async function setPhase(deps: EveningDeps, who: FacilitatorPrincipal, payload: unknown): Promise<{ ateliers: Atelier[] }> {
  const { atelierIds, phase } = parse(setPhasePayload, payload);
  const all = await deps.storage.listAteliers(who.event.id);
  if (atelierIds === 'all') requireWholeEvent(who);
  // An id outside the event is looked up anyway, to tell "not yours" (FORBIDDEN) from "no such atelier".
  const targets = atelierIds === 'all' ? all : await Promise.all(atelierIds.map(async (id) => all.find((a) => a.id === id) ?? deps.storage.getAtelier(id)));
  const checked = targets.map((a) => checkFacilitatorOn(who, a, 'phase.change'));
  const moving = checked.filter((a) => a.phase !== phase);
  const stuck = moving.find((a) => !canTransition(a.phase, phase));
  if (stuck) throw new AppError('INVALID_TRANSITION', stuck.id);
  await deps.storage.updateAteliers(moving.map((a) => a.id), { phase });
  const updated = await changedAteliers(deps, moving.map((a) => a.id));
  // The vote lives exactly as long as the vote phase: opened on entry, closed on the way out.
  const rightsChanged = moving.filter((a) => a.phase === 'cloture' || phase === 'cloture').map((a) => a.id);
  if (rightsChanged.length > 0) deps.reconnectBoardsOf(rightsChanged);
  for (const a of moving) {
    const now = updated.find((u) => u.id === a.id)!;
    if (phase === 'vote') await openAtelierVote(deps, now);
    else if (a.phase === 'vote') await closeAtelierVote(deps, now);
  }
  for (const a of moving) await log(deps, who, a.id, 'phase', a.id, `${a.phase} → ${phase}`);
  return { ateliers: updated };
}

export async function configureAtelier(deps: EveningDeps, who: FacilitatorPrincipal, payload: unknown): Promise<{ atelier: Atelier }> {
  const { atelierId, ...modes } = parse(configureAtelierPayload, payload);
  const before = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'atelier.configure');
  const changes: AtelierChanges = {};
  if (modes.privateWriting !== undefined) changes.privateWriting = modes.privateWriting;
  if (modes.moderated !== undefined) changes.moderated = modes.moderated;
  if (modes.showAuthors !== undefined) changes.showAuthors = modes.showAuthors;
  await deps.storage.updateAteliers([atelierId], changes);
  const [atelier] = await changedAteliers(deps, [atelierId]);
  if (modes.showAuthors !== undefined && modes.showAuthors !== before.showAuthors) await reconcileBoardFor(deps, atelier!);
  await log(deps, who, atelierId, 'configure', atelierId, JSON.stringify(modes));
  return { atelier: atelier! };
}

/** Écriture privée ends for what was written so far: every private idea appears at once. */
export async function reveal(deps: EveningDeps, who: FacilitatorPrincipal, payload: unknown): Promise<{ revealed: number }> {
  const { atelierId } = parse(revealPayload, payload);
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'idea.moderate');
  const ideas = await deps.storage.revealIdeas(atelierId, deps.now());
  // One document transaction for all, so every wall and phone shows them in the same instant.
  await publishAll(deps, atelier, ideas);
  await log(deps, who, atelierId, 'reveal', atelierId, String(ideas.length));
  return { revealed: ideas.length };
}

/** Countdowns: an atelier's (its facilitators) or the event's (admin link only). */
export async function controlTimer(deps: EveningDeps, who: FacilitatorPrincipal, payload: unknown): Promise<{ timer: TimerState | null; serverTime: number }> {
  const cmd = parse(timerPayload, payload);
  const now = Date.now();
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

function applyTimer(cmd: ReturnType<typeof timerPayload.parse>, t: TimerState | null, now: number): TimerState | null {
  if (cmd.action === 'start') return startTimer(cmd.durationMs, cmd.onZero, now);
  if (cmd.action === 'clear') return null;
  if (!t) throw new AppError('INVALID_TIMER', 'action');
  if (cmd.action === 'pause') return pauseTimer(t, now);
  if (cmd.action === 'resume') return resumeTimer(t, now);
  return addTime(t, cmd.deltaMs, now);
}

export async function dashboard(deps: EveningDeps, eventId: string): Promise<Dashboard> {
  const event = await deps.storage.getEvent(eventId);
  if (!event) throw new AppError('UNKNOWN_EVENT');
  const [ateliers, counts] = await Promise.all([deps.storage.listAteliers(eventId), deps.storage.ideaCounts(eventId)]);
  const connected = await deps.connectedCounts(ateliers.map((a) => a.id));
  const now = Date.now();
  const rows: AtelierDashboard[] = ateliers.map((a) => {
    const ideas = { visible: 0, private: 0, pending: 0, hidden: 0 };
    for (const c of counts) if (c.atelierId === a.id) ideas[c.status] += c.count;
    return { id: a.id, title: a.title, phase: a.phase, timer: a.timer, locked: isLocked(a.timer, now), privateWriting: a.privateWriting, moderated: a.moderated, connected: connected.get(a.id) ?? 0, ideas };
  });
  return { eventId, timer: event.timer, ateliers: rows, serverTime: now };
}

export function scopedDashboard(d: Dashboard, who: FacilitatorPrincipal): Dashboard {
  return who.scope === null ? d : { ...d, ateliers: d.ateliers.filter((a) => a.id === who.scope) };
}

/** A link giving facilitator rights on one atelier only (its *animateur*). */
export async function createCoFacilitator(deps: EveningDeps, who: FacilitatorPrincipal, payload: unknown, publicUrl: string): Promise<{ token: string; link: string }> {
  requireWholeEvent(who);
  const { atelierId, label } = parse(coFacilitatorPayload, payload);
  checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'event.manage');
  const token = newToken();
  await deps.storage.createFacilitatorToken({ id: randomUUID(), eventId: who.event.id, atelierId, label, tokenHash: hashToken(token), createdAt: deps.now() });
  await log(deps, who, atelierId, 'cofacilitator', atelierId, label);
  return { token, link: adminLink(publicUrl, token) };
}

async function changedAteliers(deps: EveningDeps, ids: string[]): Promise<Atelier[]> {
  const updated = (await Promise.all(ids.map((id) => deps.storage.getAtelier(id)))).filter((a): a is Atelier => a !== null);
  for (const a of updated) deps.broadcast.atelierState(a);
  return updated;
}
