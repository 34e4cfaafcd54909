import { z } from 'zod';
import { uuidSchema } from './common';

/** Dot voting (*vote par gommettes*) or the two-axis rating of the economic-model vigilance. */
export const voteConfigSchema = z.object({
  mode: z.enum(['dots', 'rating']).default('dots'),
  /** What an atelier votes on; a plenary vote is always on candidates. */
  target: z.enum(['clusters', 'ideas', 'candidates']).default('clusters'),
  dotsPerParticipant: z.number().int().min(1).max(50).default(5),
  maxPerItem: z.number().int().min(1).max(50).default(3),
  /** hidden: results shown when the vote closes; live: as votes come in. */
  results: z.enum(['hidden', 'live']).default('hidden'),
  /** Cluster votes: ideas left outside every cluster become items of their own (else they are not voted on). */
  includeUnclustered: z.boolean().default(false),
});
export type VoteConfig = z.infer<typeof voteConfigSchema>;
export const DEFAULT_VOTE_CONFIG: VoteConfig = voteConfigSchema.parse({});

const f = voteConfigSchema.shape;
/**
 * A change of settings names only what changes. No defaults here: a default would fill every
 * missing field, and a partial update would reset the settings it did not name.
 */
export const voteConfigPatchSchema = z
  .object({
    mode: f.mode.unwrap(),
    target: f.target.unwrap(),
    dotsPerParticipant: f.dotsPerParticipant.unwrap(),
    maxPerItem: f.maxPerItem.unwrap(),
    results: f.results.unwrap(),
    includeUnclustered: f.includeUnclustered.unwrap(),
  })
  .partial()
  .strict();
export type VoteConfigPatch = z.infer<typeof voteConfigPatchSchema>;

/** Ratings on *souhaitable* and *réaliste*, 1 (pas du tout) to 4 (tout à fait). */
export const RATING_MIN = 1;
export const RATING_MAX = 4;
export const ratingSchema = z.number().int().min(RATING_MIN).max(RATING_MAX);

export const voteSessionSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  /** null for the evening's plenary vote across candidates. */
  atelierId: uuidSchema.nullable(),
  config: voteConfigSchema,
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type VoteSession = z.infer<typeof voteSessionSchema>;

/** What can receive dots: frozen when the vote opens, so a vote counts what people saw. */
export const voteItemSchema = z.object({
  sessionId: uuidSchema,
  itemId: z.string(),
  title: z.string(),
  ideaIds: z.array(z.string()),
  position: z.number().int(),
  /** Removed from the board since the vote opened: its dots were given back. */
  withdrawn: z.boolean(),
  /** Plenary items only, read when the ballot is read: the candidate's need and its atelier. */
  context: z.object({ atelier: z.string(), besoin: z.string() }).optional(),
});
export type VoteItem = z.infer<typeof voteItemSchema>;
