import { randomUUID } from 'node:crypto';
import {
  dotRefusal, dotsLeft, ratingSummary, resultsVisible, tally,
  voteConfigSchema,
  type Atelier, type C, type CommandPayload, type VoteConfig, type VoteItem, type VoteResults, type VoteSession, type VoteState,
} from '@semis/shared';
import { voteItemsFromBoard, type BoardVoteItem } from '@semis/shared/grouping';
import { AppError } from '../errors';
import type { ParticipantRecord } from '../storage/types';
import { checkFacilitatorOn, checkParticipant, requireWholeEvent, type FacilitatorPrincipal } from './access';
import type { IdeaDeps } from './ideas';
import { audit } from './audit';

type Viewer = { role: 'participant'; participant: ParticipantRecord } | { role: 'facilitator'; who: FacilitatorPrincipal };

/** What the atelier votes on, read from its board when the vote opens. */
function itemsFromBoard(deps: IdeaDeps, atelier: Atelier): Promise<BoardVoteItem[]> {
  return deps.registry.use(atelier.boardId, (room) => voteItemsFromBoard(room.doc, atelier.vote).items);
}

/** Entering the vote phase opens the atelier's vote (reopening it after an undo, with the
 * board's current clusters: vanished items are withdrawn and their dots given back). */
export async function openAtelierVote(deps: IdeaDeps, atelier: Atelier): Promise<VoteSession> {
  const items = await itemsFromBoard(deps, atelier);
  let session = await deps.storage.votes.latestSession(atelier.eventId, atelier.id);
  if (!session) {
    session = { id: randomUUID(), eventId: atelier.eventId, atelierId: atelier.id, config: atelier.vote, status: 'open', openedAt: deps.now(), closedAt: null };
    await deps.storage.votes.createSession(session);
  } else if ((await deps.storage.votes.allDots(session.id)).length === 0) {
    // Nobody voted yet: the atelier's latest settings apply.
    await deps.storage.votes.setSessionConfig(session.id, atelier.vote);
  }
  await deps.storage.votes.syncItems(session.id, items);
  await deps.storage.votes.setSessionStatus(session.id, 'open', deps.now());
  const opened = (await deps.storage.votes.getSession(session.id))!;
  deps.broadcast.voteChanged(opened);
  return opened;
}

export async function closeAtelierVote(deps: IdeaDeps, atelier: Atelier): Promise<void> {
  const session = await deps.storage.votes.latestSession(atelier.eventId, atelier.id);
  if (!session || session.status === 'closed') return;
  await deps.storage.votes.setSessionStatus(session.id, 'closed', deps.now());
  const closed = (await deps.storage.votes.getSession(session.id))!;
  deps.broadcast.voteChanged(closed);
  deps.broadcast.voteResults(closed, await results(deps, closed), true);
}

export async function results(deps: Pick<IdeaDeps, 'storage'>, session: VoteSession): Promise<VoteResults> {
  const items = (await deps.storage.votes.listItems(session.id)).filter((i) => !i.withdrawn).map((i) => i.itemId);
  const [dots, ratings] = await Promise.all([deps.storage.votes.allDots(session.id), deps.storage.votes.allRatings(session.id)]);
  const participants = new Set([...dots.map((d) => d.participantId), ...ratings.map((r) => r.participantId)]).size;
  return { sessionId: session.id, tally: tally(items, dots), ratings: ratingSummary(items, ratings), participants };
}

/** A plenary ballot says what each candidate answers and where it comes from. */
async function withCandidateContext(deps: IdeaDeps, eventId: string, items: VoteItem[]): Promise<VoteItem[]> {
  const [candidates, ateliers] = await Promise.all([deps.storage.candidates.list(eventId), deps.storage.listAteliers(eventId)]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const atelierTitle = new Map(ateliers.map((a) => [a.id, a.title]));
  return items.map((i) => {
    const c = byId.get(i.itemId);
    return c ? { ...i, context: { atelier: atelierTitle.get(c.atelierId) ?? '', besoin: c.besoin } } : i;
  });
}

async function stateFor(deps: IdeaDeps, session: VoteSession | null, viewer: Viewer): Promise<VoteState> {
  if (!session) return { session: null, items: [], mine: {}, myRatings: {}, remaining: 0, results: null };
  const listed = (await deps.storage.votes.listItems(session.id)).filter((i) => !i.withdrawn);
  const items = session.atelierId === null ? await withCandidateContext(deps, session.eventId, listed) : listed;
  const pid = viewer.role === 'participant' ? viewer.participant.id : null;
  const mine = pid ? await deps.storage.votes.myDots(session.id, pid) : {};
  const myRatings = pid ? await deps.storage.votes.myRatings(session.id, pid) : {};
  const show = viewer.role === 'facilitator' || resultsVisible(session.config, session.status);
  return { session, items, mine, myRatings, remaining: dotsLeft(session.config, mine), results: show ? await results(deps, session) : null };
}

/** The vote of an atelier, or the plenary, as this person may see it. */
export async function getVote(deps: IdeaDeps, viewer: Viewer, p: CommandPayload<typeof C.voteGet>): Promise<VoteState> {
  const eventId = viewer.role === 'participant' ? viewer.participant.eventId : viewer.who.event.id;
  if ('atelierId' in p) {
    const atelier = await deps.storage.getAtelier(p.atelierId);
    if (!atelier) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
    if (viewer.role === 'facilitator') checkFacilitatorOn(viewer.who, atelier, 'board.read');
    else if (atelier.eventId !== eventId) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
    return stateFor(deps, await deps.storage.votes.latestSession(eventId, atelier.id), viewer);
  }
  return stateFor(deps, await deps.storage.votes.latestSession(eventId, null), viewer);
}

/** Checks that a participant may vote in this session now; returns the session. */
async function votable(deps: IdeaDeps, participant: ParticipantRecord, sessionId: string, itemId: string, mode: VoteConfig['mode']): Promise<VoteSession> {
  const session = await deps.storage.votes.getSession(sessionId);
  if (!session || session.eventId !== participant.eventId || session.status !== 'open') throw new AppError('NO_OPEN_VOTE', 'sessionId');
  if (session.atelierId) {
    const atelier = await deps.storage.getAtelier(session.atelierId);
    if (atelier) checkParticipant('vote.cast', { atelier, now: deps.now() });
  }
  if (session.config.mode !== mode) throw new AppError('BAD_REQUEST', 'mode');
  const item = (await deps.storage.votes.listItems(session.id)).find((i) => i.itemId === itemId);
  if (!item || item.withdrawn) throw new AppError('UNKNOWN_VOTE_ITEM', 'itemId');
  return session;
}

/** One dot on or off an item: the budget and the per-item cap hold under any concurrency. */
export async function castDot(deps: IdeaDeps, participant: ParticipantRecord, { sessionId, itemId, delta, opId }: CommandPayload<typeof C.voteDot>): Promise<VoteState> {
  const session = await votable(deps, participant, sessionId, itemId, 'dots');
  const outcome = await deps.storage.votes.castDot({ sessionId, participantId: participant.id, itemId, delta, opId, at: deps.now() }, (mine) =>
    dotRefusal(session.config, mine, itemId, delta),
  );
  if (!outcome.ok) throw new AppError(outcome.code, 'itemId');
  deps.broadcast.voteDirty(session, () => results(deps, session));
  return stateFor(deps, session, { role: 'participant', participant });
}

export async function rate(deps: IdeaDeps, participant: ParticipantRecord, { sessionId, itemId, desirability, feasibility }: CommandPayload<typeof C.voteRate>): Promise<VoteState> {
  const session = await votable(deps, participant, sessionId, itemId, 'rating');
  await deps.storage.votes.rate(sessionId, participant.id, itemId, desirability, feasibility);
  deps.broadcast.voteDirty(session, () => results(deps, session));
  return stateFor(deps, session, { role: 'participant', participant });
}

/** Vote settings of an atelier; budgets can't change under people's feet while it is open. */
/** Before the vote opens: how many items it would hold, and how many ideas it would leave out
 * (in no cluster, in a cluster vote that does not include them) — the cockpit warns about those. */
export async function previewVote(deps: IdeaDeps, who: FacilitatorPrincipal, { atelierId }: CommandPayload<typeof C.votePreview>): Promise<{ items: number; left: number }> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'board.read');
  const { items, left } = await deps.registry.use(atelier.boardId, (room) => voteItemsFromBoard(room.doc, atelier.vote));
  return { items: items.length, left: left.length };
}

export async function configureVote(deps: IdeaDeps, who: FacilitatorPrincipal, { atelierId, config }: CommandPayload<typeof C.voteConfigure>): Promise<{ atelier: Atelier }> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'vote.manage');
  const next = voteConfigSchema.parse({ ...atelier.vote, ...config });
  if (next.target === 'candidates') throw new AppError('BAD_REQUEST', 'config.target');
  const open = atelier.phase === 'vote' ? await deps.storage.votes.latestSession(atelier.eventId, atelier.id) : null;
  // Only the results display may change while people vote: the rest would change the ballot.
  const ballotChanged = (Object.keys(config) as (keyof VoteConfig)[]).some((k) => k !== 'results' && next[k] !== atelier.vote[k]);
  if (open?.status === 'open' && ballotChanged) throw new AppError('VOTE_OPEN', 'config');
  await deps.storage.updateAteliers([atelierId], { vote: next });
  if (open?.status === 'open') {
    await deps.storage.votes.setSessionConfig(open.id, next);
    const updated = (await deps.storage.votes.getSession(open.id))!;
    deps.broadcast.voteChanged(updated);
    if (resultsVisible(next, 'open')) deps.broadcast.voteResults(updated, await results(deps, updated), true);
  }
  const atelierNow = (await deps.storage.getAtelier(atelierId))!;
  deps.broadcast.atelierState(atelierNow);
  await audit(deps, who, atelierId, 'vote.configure', atelierId, JSON.stringify(config));
  return { atelier: atelierNow };
}

/** The end-of-evening vote across every project candidate of the event. */
export async function plenary(deps: IdeaDeps, who: FacilitatorPrincipal, cmd: CommandPayload<typeof C.plenary>): Promise<VoteState> {
  requireWholeEvent(who);
  const eventId = who.event.id;
  let session = await deps.storage.votes.latestSession(eventId, null);
  if (cmd.action === 'close') {
    if (!session || session.status === 'closed') throw new AppError('NO_OPEN_VOTE');
    await deps.storage.votes.setSessionStatus(session.id, 'closed', deps.now());
    session = (await deps.storage.votes.getSession(session.id))!;
    deps.broadcast.voteChanged(session);
    deps.broadcast.voteResults(session, await results(deps, session), true);
  } else {
    const config = voteConfigSchema.parse({ ...(session?.config ?? {}), ...cmd.config, target: 'candidates' });
    if (!session) {
      session = { id: randomUUID(), eventId, atelierId: null, config, status: 'open', openedAt: deps.now(), closedAt: null };
      await deps.storage.votes.createSession(session);
    } else await deps.storage.votes.setSessionConfig(session.id, config);
    const candidates = await deps.storage.candidates.list(eventId);
    await deps.storage.votes.syncItems(session.id, candidates.map((c, position) => ({ itemId: c.id, title: c.title, ideaIds: c.ideaIds, position })));
    await deps.storage.votes.setSessionStatus(session.id, 'open', deps.now());
    session = (await deps.storage.votes.getSession(session.id))!;
    deps.broadcast.voteChanged(session);
  }
  await audit(deps, who, null, `plenary.${cmd.action}`, session.id, '');
  return stateFor(deps, session, { role: 'facilitator', who });
}
