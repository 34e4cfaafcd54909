import { pseudonymKey, type C, type CommandPayload, type Idea, type ModerationLogEntry, type ModIdeaView } from '@semis/shared';
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

/** Blocks by identity, never by IP (150 phones share the venue's): the token stops working,
 * the pseudonym is refused on rejoin, open connections are told and closed. */
export async function blockParticipant(deps: IdeaDeps, who: FacilitatorPrincipal, { participantId }: CommandPayload<typeof C.block>, closeBoards: (participantId: string) => void): Promise<{ participantId: string; pseudonym: string }> {
  const p = await deps.storage.getParticipant(participantId);
  if (!p || p.eventId !== who.event.id) throw new AppError('UNKNOWN_PARTICIPANT', 'participantId');
  if (who.scope !== null && p.atelierId !== who.scope) throw new AppError('FORBIDDEN', 'participantId');
  await deps.storage.blockParticipant(p.id, p.eventId, pseudonymKey(p.pseudonym), deps.now());
  deps.broadcast.blocked(p.id);
  closeBoards(p.id);
  await log(deps, who, p.atelierId, 'block', p.id, p.pseudonym);
  return { participantId: p.id, pseudonym: p.pseudonym };
}

export async function moderationLog(deps: IdeaDeps, who: FacilitatorPrincipal, { limit }: CommandPayload<typeof C.modLog>): Promise<{ entries: ModerationLogEntry[] }> {
  const entries = await deps.storage.listModeration(who.event.id, limit);
  const visible = who.scope === null ? entries : entries.filter((e) => e.atelierId === who.scope);
  return { entries: visible.map(({ eventId: _, ...e }) => e) };
}
