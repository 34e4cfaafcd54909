import { SERVER_ORIGIN, dropAuthors, isPurgeDue, retentionInputSchema, type SemisEvent } from '@semis/shared';
import { fromZod } from '../errors';
import type { Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import { requireWholeEvent, type FacilitatorPrincipal } from './access';
import { reconcileBoard } from './ideas';

export interface RetentionDeps {
  storage: Storage;
  registry: BoardRegistry;
  now: () => string;
  log: (m: string) => void;
  /** Ends the purged participants' connections and the event's board connections, on every
   * process: a phone whose token was voided can no longer act, nor write its name again. */
  disconnect: (eventId: string, participantIds: string[], boardIds: string[]) => Promise<void>;
}

/** How long one process keeps an event's purge before another may take it over (a crash). */
const LEASE_MS = 10 * 60 * 1000;

/** The facilitator's setting: pseudonyms kept `days` once the evening is over (0: at once). */
export async function setRetention(storage: Storage, who: FacilitatorPrincipal, body: unknown): Promise<SemisEvent> {
  requireWholeEvent(who);
  const parsed = retentionInputSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  await storage.retention.setRetentionDays(who.event.id, parsed.data.days);
  const { adminTokenHash: _, ...event } = who.event;
  return { ...event, retentionDays: parsed.data.days };
}

/**
 * One sweep: every event whose retention has passed loses its participants' pseudonyms and
 * tokens, in the database, then in its board documents (through the server's own write path:
 * idea cards re-projected from the renamed participants, authors taken off poster shapes and
 * post-its), then in the boards' stored history, which is rewritten without deleted content.
 * Safe to run in several processes at once (a lease per event) and again after a crash
 * half-way (each step is idempotent; the event is marked done only at the end).
 */
export async function sweepRetention(deps: RetentionDeps): Promise<number> {
  const { storage } = deps;
  const now = deps.now();
  await storage.retention.markClosed(now);
  let purged = 0;
  for (const event of await storage.retention.unpurged()) {
    if (!isPurgeDue(event, Date.parse(now))) continue;
    if (!(await storage.retention.claim(event.id, now, new Date(Date.parse(now) + LEASE_MS).toISOString()))) continue;
    await purgeEvent(deps, event.id);
    purged += 1;
  }
  return purged;
}

async function purgeEvent(deps: RetentionDeps, eventId: string): Promise<void> {
  const { storage, registry } = deps;
  const participantIds = await storage.retention.purgeParticipants(eventId);
  const boardIds = await storage.archive.boardIds(eventId);
  await deps.disconnect(eventId, participantIds, boardIds);
  for (const boardId of boardIds) {
    await registry.use(boardId, async (room) => {
      await reconcileBoard(storage, room);
      dropAuthors(room.doc, SERVER_ORIGIN);
      await room.collectHistory();
    });
  }
  await storage.retention.finish(eventId, deps.now());
  deps.log(`retention: event ${eventId} purged (${participantIds.length} pseudonyms, ${boardIds.length} boards)`);
}

/** Sweeps now and then every `periodMs`, one sweep at a time; a failed sweep is logged and retried. */
export function startRetention(deps: RetentionDeps, periodMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = () => {
    if (running || stopped) return;
    running = sweepRetention(deps)
      .then(() => undefined, (err: unknown) => deps.log(`retention: sweep failed: ${String(err)}`))
      .finally(() => (running = null));
  };
  sweep();
  const timer = setInterval(sweep, periodMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
