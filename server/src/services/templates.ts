import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoDateSchema, userText, type CreateEventResult, type PosterBoard, type TimerState } from '@semis/shared';
import { fromZod } from '../errors';
import type { Storage } from '../storage/types';
import { requireWholeEvent, type FacilitatorPrincipal } from './access';
import { createEvent } from './events';

/** The next territory's evening: name, date and place; the setup comes from this event. */
export const duplicateEventSchema = z.object({
  name: userText(1, 120),
  date: isoDateSchema.nullable().default(null),
  place: userText(0, 120).default(''),
});

/** A timer as set up, not as it ran: its full duration, paused, ready to start. */
const fresh = (t: TimerState | null): TimerState | null => (t ? { durationMs: t.durationMs, endsAt: null, remainingMs: t.durationMs, onZero: t.onZero } : null);

/**
 * Duplicates the event's setup — ateliers with their questions and board kinds, modes, timers,
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
      privateWriting: from.privateWriting, moderated: from.moderated, showAuthors: from.showAuthors, timer: fresh(from.timer), vote: from.vote,
      ...(from.groupCreation ? { groupCreation: from.groupCreation } : {}),
    });
  }
  const target = new Map(pairs.map(([from, to]) => [from.id, to.id]));
  const boards = await storage.posters.listBoards(who.event.id);
  for (const group of await storage.posters.listGroups(who.event.id)) {
    const atelierId = target.get(group.atelierId);
    if (!atelierId) continue;
    const id = randomUUID();
    const kinds = boards.filter((b) => b.groupId === group.id).map((b) => b.kind);
    const copies = kinds.map((kind): PosterBoard => ({ id: randomUUID(), eventId: created.event.id, atelierId, groupId: id, kind, createdAt: now }));
    await storage.posters.createGroup({ id, eventId: created.event.id, atelierId, name: group.name, animateurId: null, rapporteurId: null, createdAt: now }, copies);
  }
  return { ...created, ateliers: await storage.listAteliers(created.event.id) };
}
