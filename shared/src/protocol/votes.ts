import { z } from 'zod';
import { uuidSchema } from '../schema/common';
import { candidatePatchSchema, type Candidate } from '../schema/candidate';
import { ratingSchema, voteConfigPatchSchema, type VoteItem, type VoteSession } from '../schema/vote';
import type { MyDots, RatingRow, TallyRow } from '../domain/votes';
import type { SuggestedCluster, SuggestedDuplicate } from '../grouping/types';

export type { SuggestedCluster, SuggestedDuplicate };

/** Payloads of the vote, grouping and candidate commands (names in `C`, socket.ts). */
export const voteGetPayload = z.union([z.object({ atelierId: uuidSchema }), z.object({ plenary: z.literal(true) })]);
/** `opId`: a client-generated id per click, so a retried click never counts twice. */
export const voteDotPayload = z.object({ sessionId: uuidSchema, itemId: z.string().min(1).max(64), delta: z.union([z.literal(1), z.literal(-1)]), opId: uuidSchema });
export const voteRatePayload = z.object({ sessionId: uuidSchema, itemId: z.string().min(1).max(64), desirability: ratingSchema, feasibility: ratingSchema });
/** What a vote opened now would hold, asked before opening it. */
export const votePreviewPayload = z.object({ atelierId: uuidSchema });
export const voteConfigurePayload = z.object({ atelierId: uuidSchema, config: voteConfigPatchSchema });
export const plenaryPayload = z.discriminatedUnion('action', [
  z.object({ action: z.literal('open'), config: voteConfigPatchSchema.omit({ target: true, includeUnclustered: true }).default({}) }),
  z.object({ action: z.literal('close') }),
]);
/** `grouping:suggest` runs in one worker thread per server process: one request at a time, this
 * many waiting (beyond: BUSY), each given at most GROUPING_TIMEOUT_MS and GROUPING_MAX_IDEAS
 * ideas (more: PAYLOAD_TOO_LARGE). */
export const GROUPING_QUEUE_MAX = 4;
export const GROUPING_TIMEOUT_MS = 20_000;
export const GROUPING_MAX_IDEAS = 5_000;
/** The facilitator's clusters sent along to be kept (the largest ones beyond this). */
export const GROUPING_MAX_KEEP = 500;
export const groupingPayload = z.object({ atelierId: uuidSchema, granularity: z.number().min(0).max(1).default(0.5) });
export const promotePayload = z.object({ atelierId: uuidSchema, itemId: z.string().min(1).max(64) });
export const candidateUpdatePayload = z.object({ id: uuidSchema, patch: candidatePatchSchema });

/** What one person sees of a vote. `results` only when visible to them (facilitators: always). */
export interface VoteState {
  session: VoteSession | null;
  items: VoteItem[];
  mine: MyDots;
  myRatings: Record<string, { desirability: number; feasibility: number }>;
  remaining: number;
  results: VoteResults | null;
}

export interface VoteResults {
  sessionId: string;
  /** Dot mode: ranked, ties shared. Rating mode: per-item means and quadrant. */
  tally: TallyRow[];
  ratings: RatingRow[];
  participants: number;
}

/** What `grouping:suggest` answers: the grouping's own result (clusters with keywords and, per idea,
 * the words that put it there; `keepId` set: add to the facilitator's cluster). */
export interface GroupingSuggestion {
  clusters: SuggestedCluster[];
  duplicates: SuggestedDuplicate[];
}

export type { Candidate };
