import { randomUUID } from 'node:crypto';
import { defaultStakeholders, readClusters, readIdeaCards, tally, type C, type Candidate, type CommandPayload, type GroupingSuggestion } from '@semis/shared';
import { clusterTitle } from '@semis/shared/grouping';
import type { GroupingPool } from '../grouping/pool';
import { fitSuggestion, wallGroupingTask } from '../grouping/request';
import { AppError } from '../errors';
import { checkFacilitatorOn, type FacilitatorPrincipal } from './access';
import type { IdeaDeps } from './ideas';
import { audit } from './audit';

/** A cluster or an idea of the atelier's wall becomes a project candidate (once: promoting it
 * again returns the same card). The card keeps its ideas and the atelier vote it got. */
export async function promote(deps: IdeaDeps, who: FacilitatorPrincipal, { atelierId, itemId }: CommandPayload<typeof C.promote>): Promise<{ candidate: Candidate; created: boolean }> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'candidate.manage');
  const found = await deps.registry.use(atelier.boardId, (room) => {
    const cluster = readClusters(room.doc).find((c) => c.id === itemId);
    if (cluster) {
      const texts = new Map(readIdeaCards(room.doc).map((c) => [c.id, c.text]));
      return { kind: 'cluster' as const, title: clusterTitle(cluster, (id) => texts.get(id)), ideaIds: cluster.ideaIds };
    }
    const card = readIdeaCards(room.doc).find((c) => c.id === itemId);
    return card ? { kind: 'idea' as const, title: card.text, ideaIds: [card.id] } : null;
  });
  if (!found) throw new AppError('UNKNOWN_VOTE_ITEM', 'itemId');
  const now = deps.now();
  const candidate: Candidate = {
    id: randomUUID(),
    eventId: atelier.eventId,
    atelierId,
    source: { kind: found.kind, id: itemId },
    title: found.title.slice(0, 120) || '—',
    besoin: '',
    ressources: '',
    stakeholders: defaultStakeholders(),
    porteur: '',
    nextSteps: '',
    modeleEconomique: '',
    steps: [],
    status: 'idee',
    history: [{ at: now, who: who.actor, from: null, to: 'idee', note: '' }],
    ideaIds: found.ideaIds,
    votes: await voteOf(deps, atelier.eventId, atelierId, itemId),
    createdAt: now,
    updatedAt: now,
  };
  const result = await deps.storage.candidates.insert(candidate);
  if (result.created) {
    deps.broadcast.candidateChanged(result.candidate);
    await audit(deps, who, atelierId, 'candidate.promote', result.candidate.id, result.candidate.title);
  }
  return result;
}

async function voteOf(deps: IdeaDeps, eventId: string, atelierId: string, itemId: string): Promise<Candidate['votes']> {
  const session = await deps.storage.votes.latestSession(eventId, atelierId);
  if (!session) return { dots: 0, voters: 0, rank: null };
  const items = (await deps.storage.votes.listItems(session.id)).filter((i) => !i.withdrawn).map((i) => i.itemId);
  const row = tally(items, await deps.storage.votes.allDots(session.id)).find((r) => r.itemId === itemId);
  return row ? { dots: row.dots, voters: row.voters, rank: row.rank } : { dots: 0, voters: 0, rank: null };
}

export async function updateCandidate(deps: IdeaDeps, who: FacilitatorPrincipal, { id, patch }: CommandPayload<typeof C.candidateUpdate>): Promise<{ candidate: Candidate }> {
  const current = await deps.storage.candidates.get(id);
  if (!current || current.eventId !== who.event.id) throw new AppError('UNKNOWN_CANDIDATE', 'id');
  checkFacilitatorOn(who, await deps.storage.getAtelier(current.atelierId), 'candidate.manage');
  const { statusNote, ...fields } = patch;
  const now = deps.now();
  const moved = fields.status !== undefined && fields.status !== current.status;
  // A status change is dated and signed, with its note: the follow-up reads as a history.
  const history = moved ? [...current.history, { at: now, who: who.actor, from: current.status, to: fields.status!, note: statusNote ?? '' }] : current.history;
  const candidate: Candidate = { ...current, ...fields, history, updatedAt: now };
  await deps.storage.candidates.update(candidate);
  deps.broadcast.candidateChanged(candidate);
  await audit(deps, who, current.atelierId, 'candidate.update', id, Object.keys(patch).join(','));
  return { candidate };
}

/** The event's portfolio (a co-facilitator sees its atelier's). */
export async function listCandidates(deps: IdeaDeps, who: FacilitatorPrincipal): Promise<{ candidates: Candidate[] }> {
  const all = await deps.storage.candidates.list(who.event.id);
  return { candidates: who.scope === null ? all : all.filter((c) => c.atelierId === who.scope) };
}

/** "Suggérer des regroupements": sub-topics of one atelier's wall, computed in the grouping
 * worker thread (the event loop stays free for everyone else meanwhile). Every visible idea is
 * sent with the facilitator's clusters, which the grouping keeps: their ideas are never proposed
 * elsewhere, new ideas close to one are proposed as additions to it. */
export async function suggestGrouping(deps: IdeaDeps & { grouping: GroupingPool }, who: FacilitatorPrincipal, { atelierId, granularity }: CommandPayload<typeof C.groupingSuggest>): Promise<GroupingSuggestion> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'board.write');
  const task = await deps.registry.use(atelier.boardId, (room) => wallGroupingTask(readIdeaCards(room.doc), readClusters(room.doc), atelier, granularity));
  return fitSuggestion(await deps.grouping.suggest(task.ideas, task.options), task);
}
