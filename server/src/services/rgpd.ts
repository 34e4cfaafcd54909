import { z } from 'zod';
import { AppError, fromZod } from '../errors';
import type { Storage } from '../storage/types';
import { requireWholeEvent, type FacilitatorPrincipal } from './access';

export interface DeleteDeps {
  storage: Storage;
  /** On every process (those that answer in time): closes the event's socket.io connections and
   * its boards' y-websocket connections, and drops those boards for good (`BoardRegistry.discard`). */
  dropEvent: (eventId: string, boardIds: string[]) => Promise<void>;
}

/** The join code typed again: deleting an event for good is never a slip of the finger. */
const confirmSchema = z.object({ confirm: z.string().trim().toUpperCase() });

/**
 * Deletes an event for good (RGPD): every row of every table that belongs to it — participants
 * and their tokens, ideas, votes, candidates, groups, comments, uploads, the moderation log —
 * and its board documents, in one transaction, after every process closed its connections and
 * dropped its live boards.
 */
export async function deleteEvent(deps: DeleteDeps, who: FacilitatorPrincipal, body: unknown): Promise<{ deleted: string }> {
  requireWholeEvent(who);
  const parsed = confirmSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  if (parsed.data.confirm !== who.event.joinCode) throw new AppError('BAD_REQUEST', 'confirm');
  const boardIds = await deps.storage.archive.boardIds(who.event.id);
  // Every process lets go first, so no late write there stores a board row after ours go.
  await deps.dropEvent(who.event.id, boardIds);
  await deps.storage.archive.deleteEvent(who.event.id);
  // Whoever reconnected in between (their token still opened the event) is let go too.
  await deps.dropEvent(who.event.id, boardIds);
  return { deleted: who.event.id };
}
