import { z } from 'zod';

/**
 * How long an event keeps its participants' pseudonyms (RGPD, issue #11). After that, a purge
 * replaces each pseudonym with a neutral label and voids the phone's token; ideas, votes,
 * candidates and boards stay, anonymous.
 *
 * The clock starts when the evening is over: when every atelier is *clôturé*, or at the latest
 * at the end of the day after the event's date (an evening runs past midnight) — or after the
 * day it was created, for an event set up after its date. An undated event whose ateliers are
 * not all closed is never purged by itself.
 */
export const DEFAULT_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 365;
export const retentionDaysSchema = z.number().int().min(0).max(MAX_RETENTION_DAYS);
export const retentionInputSchema = z.object({ days: retentionDaysSchema }).strict();

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionClock {
  /** The event's date (YYYY-MM-DD), if any. */
  date: string | null;
  /** When the event was created (ISO). */
  createdAt: string;
  /** When every atelier was seen closed (ISO), if they all are. */
  closedAt: string | null;
  retentionDays: number;
}

/** When the evening counts as over (ms since the epoch), or null if it cannot be told yet. */
export function eveningOverAt({ date, closedAt, createdAt }: Pick<RetentionClock, 'date' | 'closedAt' | 'createdAt'>): number | null {
  const closed = closedAt ? Date.parse(closedAt) : Number.NaN;
  const day = date ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  const created = Date.parse(`${createdAt.slice(0, 10)}T00:00:00Z`);
  const dated = Number.isFinite(day) ? Math.max(day, Number.isFinite(created) ? created : day) + 2 * DAY_MS : Number.NaN;
  const known = [closed, dated].filter((t) => Number.isFinite(t));
  return known.length > 0 ? Math.min(...known) : null;
}

/** When the pseudonyms are due for purging (ms since the epoch), or null: never by itself. */
export function purgeDueAt(clock: RetentionClock): number | null {
  const over = eveningOverAt(clock);
  return over === null ? null : over + clock.retentionDays * DAY_MS;
}

export function isPurgeDue(clock: RetentionClock, nowMs: number): boolean {
  const due = purgeDueAt(clock);
  return due !== null && due <= nowMs;
}

/** What a purged participant is called from then on, numbered in order of arrival. */
export const purgedLabel = (n: number) => `Participant ${n}`;
