/** Phases and modes of ateliers: what the facilitator switches during the evening. */
import type { FoldPool } from '../yjs/fold-pool';
import type { GroupingPool } from '../grouping/pool';
import {
  canTransition,
  type Atelier, type C, type CommandPayload, type FacilitatorAuthResult,
} from '@semis/shared';
import { AppError } from '../errors';
import type { AtelierChanges } from '../storage/types';
import { checkFacilitatorOn, requireWholeEvent, type FacilitatorPrincipal } from './access';
import { publishAll, reconcileBoardFor, type IdeaDeps } from './ideas';
import { audit as log } from './audit';
import { closeAtelierVote, openAtelierVote } from './votes';

export interface EveningDeps extends IdeaDeps {
  /** Participants connected per atelier right now (across processes). */
  connectedCounts: (atelierIds: string[]) => Promise<Map<string, number>>;
  /** Board write rights are decided at connection: closing or reopening an atelier makes its
   * boards' connections (in every process) reconnect with the new rights. */
  reconnectBoardsOf: (atelierIds: string[]) => void;
  /** `grouping:suggest` off the main thread. */
  grouping: GroupingPool;
  /** Boards' stored logs read off the main thread (the présenter's clusters). */
  folder: FoldPool;
}

export async function facilitatorView(deps: EveningDeps, who: FacilitatorPrincipal): Promise<FacilitatorAuthResult> {
  const { adminTokenHash: _, ...event } = (await deps.storage.getEvent(who.event.id)) ?? who.event;
  const ateliers = await deps.storage.listAteliers(event.id);
  return { event, ateliers: inScope(who, ateliers), scope: who.scope, actor: who.actor, serverTime: Date.parse(deps.now()) };
}

function inScope(who: FacilitatorPrincipal, ateliers: Atelier[]): Atelier[] {
  return who.scope === null ? ateliers : ateliers.filter((a) => a.id === who.scope);
}

/** Moves one, several or all ateliers one phase forward or back — all of them, or none. */
export async function setPhase(deps: EveningDeps, who: FacilitatorPrincipal, { atelierIds, phase }: CommandPayload<typeof C.setPhase>): Promise<{ ateliers: Atelier[] }> {
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

export async function configureAtelier(deps: EveningDeps, who: FacilitatorPrincipal, { atelierId, ...modes }: CommandPayload<typeof C.configureAtelier>): Promise<{ atelier: Atelier }> {
  const before = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'atelier.configure');
  const changes: AtelierChanges = {};
  if (modes.privateWriting !== undefined) changes.privateWriting = modes.privateWriting;
  if (modes.moderated !== undefined) changes.moderated = modes.moderated;
  if (modes.showAuthors !== undefined) changes.showAuthors = modes.showAuthors;
  if (modes.groupCreation !== undefined) changes.groupCreation = modes.groupCreation;
  await deps.storage.updateAteliers([atelierId], changes);
  const [atelier] = await changedAteliers(deps, [atelierId]);
  if (modes.showAuthors !== undefined && modes.showAuthors !== before.showAuthors) await reconcileBoardFor(deps, atelier!);
  await log(deps, who, atelierId, 'configure', atelierId, JSON.stringify(modes));
  return { atelier: atelier! };
}

/** Écriture privée ends for what was written so far: every private idea appears at once. */
export async function reveal(deps: EveningDeps, who: FacilitatorPrincipal, { atelierId }: CommandPayload<typeof C.reveal>): Promise<{ revealed: number }> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'idea.moderate');
  const ideas = await deps.storage.revealIdeas(atelierId, deps.now());
  // One document transaction for all, so every wall and phone shows them in the same instant.
  await publishAll(deps, atelier, ideas);
  await log(deps, who, atelierId, 'reveal', atelierId, String(ideas.length));
  return { revealed: ideas.length };
}



/** Re-reads ateliers after a change and pushes their new state. */
export async function changedAteliers(deps: EveningDeps, ids: string[]): Promise<Atelier[]> {
  const updated = (await Promise.all(ids.map((id) => deps.storage.getAtelier(id)))).filter((a): a is Atelier => a !== null);
  for (const a of updated) deps.broadcast.atelierState(a);
  return updated;
}
