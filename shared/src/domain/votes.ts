import type { ErrorCode } from '../protocol/errors';
import type { VoteConfig } from '../schema/vote';

/** A participant's dots in one vote, by item. */
export type MyDots = Record<string, number>;

export function dotsUsed(mine: MyDots): number {
  return Object.values(mine).reduce((a, b) => a + b, 0);
}

export function dotsLeft(config: Pick<VoteConfig, 'dotsPerParticipant'>, mine: MyDots): number {
  return Math.max(0, config.dotsPerParticipant - dotsUsed(mine));
}

/** Why adding (+1) or removing (−1) a dot on an item is refused; null when allowed. */
export function dotRefusal(config: Pick<VoteConfig, 'dotsPerParticipant' | 'maxPerItem'>, mine: MyDots, itemId: string, delta: 1 | -1): ErrorCode | null {
  const onItem = mine[itemId] ?? 0;
  if (delta === -1) return onItem > 0 ? null : 'VOTE_NOTHING_TO_REMOVE';
  if (dotsUsed(mine) >= config.dotsPerParticipant) return 'VOTE_BUDGET_SPENT';
  if (onItem >= config.maxPerItem) return 'VOTE_ITEM_CAP';
  return null;
}

export interface TallyRow {
  itemId: string;
  dots: number;
  voters: number;
  /** Competition ranking ("1224"): equal dots share a rank, and the tie is visible. */
  rank: number;
  tied: boolean;
}

/** Dots per item, every item listed (zero included), best first; ties share a rank. */
export function tally(itemIds: string[], votes: { itemId: string; participantId: string; dots: number }[]): TallyRow[] {
  const dots = new Map(itemIds.map((id) => [id, 0]));
  const voters = new Map(itemIds.map((id) => [id, new Set<string>()]));
  for (const v of votes) {
    if (!dots.has(v.itemId) || v.dots <= 0) continue;
    dots.set(v.itemId, dots.get(v.itemId)! + v.dots);
    voters.get(v.itemId)!.add(v.participantId);
  }
  const order = new Map(itemIds.map((id, i) => [id, i]));
  const rows = itemIds
    .map((itemId) => ({ itemId, dots: dots.get(itemId)!, voters: voters.get(itemId)!.size }))
    .sort((a, b) => b.dots - a.dots || order.get(a.itemId)! - order.get(b.itemId)!);
  return rows.map((r) => {
    const rank = 1 + rows.filter((o) => o.dots > r.dots).length;
    return { ...r, rank, tied: rows.filter((o) => o.dots === r.dots).length > 1 };
  });
}

export interface RatingRow {
  itemId: string;
  raters: number;
  /** Means on 1–4, null without ratings. */
  desirability: number | null;
  feasibility: number | null;
  /** The 2×2 chart's quadrant, split at the scale's middle (2.5). */
  quadrant: 'prioritaire' | 'a-rendre-realiste' | 'facile-mais-peu-souhaite' | 'a-ecarter' | null;
}

export function ratingSummary(itemIds: string[], ratings: { itemId: string; desirability: number; feasibility: number }[]): RatingRow[] {
  return itemIds.map((itemId) => {
    const mine = ratings.filter((r) => r.itemId === itemId);
    if (mine.length === 0) return { itemId, raters: 0, desirability: null, feasibility: null, quadrant: null };
    const d = mine.reduce((a, r) => a + r.desirability, 0) / mine.length;
    const f = mine.reduce((a, r) => a + r.feasibility, 0) / mine.length;
    const quadrant = d >= 2.5 ? (f >= 2.5 ? 'prioritaire' : 'a-rendre-realiste') : f >= 2.5 ? 'facile-mais-peu-souhaite' : 'a-ecarter';
    return { itemId, raters: mine.length, desirability: d, feasibility: f, quadrant };
  });
}

/** Whether participants may see results now. Facilitators always can. */
export function resultsVisible(config: Pick<VoteConfig, 'results'>, status: 'open' | 'closed'): boolean {
  return config.results === 'live' || status === 'closed';
}
