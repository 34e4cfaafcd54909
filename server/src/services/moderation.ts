import { pseudonymKey, type Atelier, type BlockedParticipant, type C, type CommandPayload, type Idea, type ModerationLogEntry, type ModIdeaView } from '@semis/shared';
import { AppError } from '../errors';
import { checkFacilitatorOn, type FacilitatorPrincipal } from './access';
import { publishAll, type IdeaDeps } from './ideas';
import { modIdeaView } from './views';
import { audit as log } from './audit';

/** Every idea of an atelier, whatever its status: the facilitators' inbox and wall. */
export async function listModIdeas(deps: IdeaDeps, who: FacilitatorPrincipal, { atelierId }: CommandPayload<typeof C.modIdeas>): Promise<{ ideas: ModIdeaView[] }> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'board.read');
  const ideas = await deps.storage.listBoardIdeas(atelier.boardId);
  const names = await deps.storage.pseudonyms(ideas.map((i) => i.authorId));
  return { ideas: ideas.map((i) => modIdeaView(i, names.get(i.authorId) ?? '?')) };
}

/** Hide, show, delete, approve, reject or edit any idea; logged. */
export async function moderateIdea(deps: IdeaDeps, who: FacilitatorPrincipal, cmd: CommandPayload<typeof C.moderateIdea>): Promise<{ idea: ModIdeaView }> {
  const current = await deps.storage.getIdea(cmd.id);
  if (!current || current.eventId !== who.event.id) throw new AppError('UNKNOWN_IDEA', 'id');
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(current.atelierId), 'idea.moderate');
  if (current.deletedAt !== null) throw new AppError('IDEA_DELETED', 'id');
  const now = deps.now();
  let idea: Idea | null;
  switch (cmd.action) {
    case 'hide':
    case 'reject':
      idea = await deps.storage.setIdeaStatus(cmd.id, 'hidden', now);
      break;
    case 'show':
      idea = await deps.storage.setIdeaStatus(cmd.id, 'visible', now);
      break;
    case 'approve':
      // Approval in écriture privée keeps the idea private until the reveal.
      idea = current.status === 'pending' ? await deps.storage.setIdeaStatus(cmd.id, atelier.privateWriting ? 'private' : 'visible', now) : current;
      break;
    case 'delete':
      idea = await deps.storage.deleteIdea(cmd.id, now);
      break;
    case 'edit':
      idea = await deps.storage.moderateIdeaText(cmd.id, cmd.text, now);
      break;
  }
  if (!idea) throw new AppError('UNKNOWN_IDEA', 'id');
  const author = (await deps.storage.pseudonyms([idea.authorId])).get(idea.authorId) ?? '?';
  await publishAll(deps, atelier, [idea]);
  await log(deps, who, atelier.id, `idea.${cmd.action}`, idea.id, cmd.action === 'edit' ? `« ${current.text} » → « ${cmd.text} »` : current.text);
  return { idea: modIdeaView(idea, author) };
}

/** The ateliers this facilitator moderates: all of the event's, or its co-facilitator scope. */
async function ateliersInScope(deps: IdeaDeps, who: FacilitatorPrincipal): Promise<Atelier[]> {
  const all = await deps.storage.listAteliers(who.event.id);
  return who.scope === null ? all : all.filter((a) => a.id === who.scope);
}

async function participantInScope(deps: IdeaDeps, who: FacilitatorPrincipal, participantId: string) {
  const p = await deps.storage.getParticipant(participantId);
  if (!p || p.eventId !== who.event.id) throw new AppError('UNKNOWN_PARTICIPANT', 'participantId');
  if (who.scope !== null && p.atelierId !== who.scope) throw new AppError('FORBIDDEN', 'participantId');
  return p;
}

/** Blocks by identity, never by IP (150 phones share the venue's): the token stops working,
 * the pseudonym is refused on rejoin, open connections are told and closed. The person's
 * waiting ideas leave the queue: they are rejected (hidden), as a facilitator would have. */
export async function blockParticipant(deps: IdeaDeps, who: FacilitatorPrincipal, { participantId }: CommandPayload<typeof C.block>, closeBoards: (participantId: string) => void): Promise<{ participantId: string; pseudonym: string; rejected: number }> {
  const p = await participantInScope(deps, who, participantId);
  await deps.storage.blockParticipant(p.id, p.eventId, pseudonymKey(p.pseudonym), deps.now());
  deps.broadcast.blocked(p.id);
  closeBoards(p.id);
  let rejected = 0;
  for (const atelier of await deps.storage.listAteliers(p.eventId)) {
    const waiting = (await deps.storage.listAuthorIdeas(p.id, atelier.id)).filter((i) => i.status === 'pending' && i.deletedAt === null);
    const hidden: Idea[] = [];
    for (const i of waiting) {
      const h = await deps.storage.setIdeaStatus(i.id, 'hidden', deps.now());
      if (h) hidden.push(h);
    }
    await publishAll(deps, atelier, hidden);
    rejected += hidden.length;
  }
  await log(deps, who, p.atelierId, 'block', p.id, rejected > 0 ? `${p.pseudonym} (${rejected})` : p.pseudonym);
  return { participantId: p.id, pseudonym: p.pseudonym, rejected };
}

/** The way back from a block: the token works again and the pseudonym may rejoin (unless
 * another blocked person of the event goes by the same one). Rejected ideas stay hidden; the
 * facilitator can show them one by one. */
export async function unblockParticipant(deps: IdeaDeps, who: FacilitatorPrincipal, { participantId }: CommandPayload<typeof C.unblock>): Promise<{ participantId: string; pseudonym: string }> {
  const p = await participantInScope(deps, who, participantId);
  if (!p.blockedAt) return { participantId: p.id, pseudonym: p.pseudonym };
  const key = pseudonymKey(p.pseudonym);
  const others = (await deps.storage.participants.listBlocked(p.eventId)).filter((o) => o.id !== p.id && pseudonymKey(o.pseudonym) === key);
  await deps.storage.participants.unblockParticipant(p.id, p.eventId, key, others.length === 0);
  await log(deps, who, p.atelierId, 'unblock', p.id, p.pseudonym);
  return { participantId: p.id, pseudonym: p.pseudonym };
}

export async function listBlocked(deps: IdeaDeps, who: FacilitatorPrincipal): Promise<{ participants: BlockedParticipant[] }> {
  const all = await deps.storage.participants.listBlocked(who.event.id);
  const visible = who.scope === null ? all : all.filter((p) => p.atelierId === who.scope);
  return { participants: visible.map((p) => ({ id: p.id, pseudonym: p.pseudonym, atelierId: p.atelierId, blockedAt: p.blockedAt! })) };
}

/** Waiting ideas of every atelier in scope (or of one), oldest first; blocked authors' never. */
async function waitingIdeas(deps: IdeaDeps, ateliers: Atelier[]): Promise<Idea[]> {
  const ideas = (await Promise.all(ateliers.map((a) => deps.storage.listBoardIdeas(a.boardId)))).flat();
  const waiting = ideas.filter((i) => i.status === 'pending' && i.deletedAt === null);
  if (waiting.length === 0) return [];
  const blocked = new Set((await deps.storage.participants.listBlocked(ateliers[0]!.eventId)).map((p) => p.id));
  return waiting.filter((i) => !blocked.has(i.authorId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** One queue across ateliers, for 15 ateliers moderated from one screen. */
export async function moderationQueue(deps: IdeaDeps, who: FacilitatorPrincipal, { atelierId }: CommandPayload<typeof C.modQueue>): Promise<{ ideas: ModIdeaView[] }> {
  const ateliers = atelierId ? [checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'board.read')] : await ateliersInScope(deps, who);
  const ideas = await waitingIdeas(deps, ateliers);
  const names = await deps.storage.pseudonyms(ideas.map((i) => i.authorId));
  return { ideas: ideas.map((i) => modIdeaView(i, names.get(i.authorId) ?? '?')) };
}

/** *Tout valider*: approves the listed ideas that are still waiting, in the facilitator's scope;
 * the others (already decided, deleted, blocked author, elsewhere) are left as they are. */
export async function approveAll(deps: IdeaDeps, who: FacilitatorPrincipal, { ids }: CommandPayload<typeof C.approveAll>): Promise<{ approved: number }> {
  const wanted = new Set(ids);
  const ateliers = await ateliersInScope(deps, who);
  const waiting = (await waitingIdeas(deps, ateliers)).filter((i) => wanted.has(i.id));
  let approved = 0;
  for (const atelier of ateliers) {
    const mine = waiting.filter((i) => i.atelierId === atelier.id);
    if (mine.length === 0) continue;
    checkFacilitatorOn(who, atelier, 'idea.moderate');
    const done: Idea[] = [];
    for (const i of mine) {
      // Approval in écriture privée keeps the idea private until the reveal.
      const idea = await deps.storage.setIdeaStatus(i.id, atelier.privateWriting ? 'private' : 'visible', deps.now());
      if (idea) done.push(idea);
    }
    await publishAll(deps, atelier, done);
    await log(deps, who, atelier.id, 'idea.approveAll', atelier.id, String(done.length));
    approved += done.length;
  }
  return { approved };
}

export async function moderationLog(deps: IdeaDeps, who: FacilitatorPrincipal, { limit }: CommandPayload<typeof C.modLog>): Promise<{ entries: ModerationLogEntry[] }> {
  const entries = await deps.storage.listModeration(who.event.id, limit);
  const visible = who.scope === null ? entries : entries.filter((e) => e.atelierId === who.scope);
  return { entries: visible.map(({ eventId: _, ...e }) => e) };
}
