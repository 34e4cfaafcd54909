import { z } from 'zod';
import { isoDateSchema, userText, type CreateEventResult } from '@semis/shared';
import { fromZod } from '../errors';
import type { Storage } from '../storage/types';
import { requireWholeEvent, type FacilitatorPrincipal } from './access';
import { createEvent } from './events';
import { createGroupWithBoards, freshTimer } from './presets';

/** The next territory's evening: name, date and place; the setup comes from this event. */
export const duplicateEventSchema = z.object({
  name: userText(1, 120),
  date: isoDateSchema.nullable().default(null),
  place: userText(0, 120).default(''),
});


/**
 * Duplicates the event's setup — ateliers with their questions and board kinds, modes, timers
 * (the evening's countdown too),
 * vote settings, group rules and poster groups with their boards — as a new event with its own
 * code and admin link. Nothing that participants wrote is copied.
 */
export async function duplicateEvent(storage: Storage, who: FacilitatorPrincipal, body: unknown, publicUrl: string, now: string): Promise<CreateEventResult> {
  requireWholeEvent(who);
  const parsed = duplicateEventSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  const source = await storage.listAteliers(who.event.id);
  const created = await createEvent(storage, { ...parsed.data, retentionDays: who.event.retentionDays, ateliers: source.map((a) => ({ title: a.title, theme: a.theme, question: a.question, boardKind: a.boardKind })) }, publicUrl, now);
  const pairs = source.map((a, i) => [a, created.ateliers[i]!] as const);
  for (const [from, to] of pairs) {
    await storage.updateAteliers([to.id], {
      privateWriting: from.privateWriting, moderated: from.moderated, showAuthors: from.showAuthors, timer: from.timer ? freshTimer(from.timer) : null, vote: from.vote,
      ...(from.groupCreation ? { groupCreation: from.groupCreation } : {}),
    });
  }
  const target = new Map(pairs.map(([from, to]) => [from.id, to.id]));
  const boards = await storage.posters.listBoards(who.event.id);
  for (const group of await storage.posters.listGroups(who.event.id)) {
    const atelierId = target.get(group.atelierId);
    if (!atelierId) continue;
    const kinds = boards.filter((b) => b.groupId === group.id).map((b) => b.kind);
    await createGroupWithBoards(storage, { id: atelierId, eventId: created.event.id }, group.name, kinds, now);
  }
  // The evening's countdown is part of the setup too (a template's timerMs): full, paused.
  const event = { ...created.event, timer: who.event.timer ? freshTimer(who.event.timer) : null };
  if (event.timer) await storage.setEventTimer(event.id, event.timer);
  return { ...created, event, ateliers: await storage.listAteliers(created.event.id) };
}
