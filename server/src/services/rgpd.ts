import { z } from 'zod';
import { AppError, fromZod } from '../errors';
import type { Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import { requireWholeEvent, type FacilitatorPrincipal } from './access';

export interface DeleteDeps {
  storage: Storage;
  registry: BoardRegistry;
  /** Closes every live connection to these boards (this process). */
  closeBoards: (boardIds: string[]) => void;
}

/** The join code typed again: deleting an event for good is never a slip of the finger. */
const confirmSchema = z.object({ confirm: z.string().trim().toUpperCase() });

/**
 * Deletes an event for good (RGPD): every row of every table that belongs to it — participants
 * and their tokens, ideas, votes, candidates, groups, comments, uploads, the moderation log —
 * and its board documents, in one transaction, after closing and dropping its live boards.
 */
export async function deleteEvent(deps: DeleteDeps, who: FacilitatorPrincipal, body: unknown): Promise<{ deleted: string }> {
  requireWholeEvent(who);
  const parsed = confirmSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  if (parsed.data.confirm !== who.event.joinCode) throw new AppError('BAD_REQUEST', 'confirm');
  const boardIds = await deps.storage.archive.boardIds(who.event.id);
  deps.closeBoards(boardIds);
  await deps.registry.discard(boardIds);
  await deps.storage.archive.deleteEvent(who.event.id);
  return { deleted: who.event.id };
}
