import { z } from 'zod';
import { isoDateSchema, userText, uuidSchema } from './common';

/** The method's steps a project candidate goes through (*Éclaircir → Récolter*), or its end. */
export const CANDIDATE_STATUSES = ['idee', 'etude-opportunite', 'pilote', 'creation-activite', 'abandonne'] as const;
export const candidateStatusSchema = z.enum(CANDIDATE_STATUSES);
export type CandidateStatus = z.infer<typeof candidateStatusSchema>;

/** The six parties of the *alignement des intérêts* table, prefilled on every card. */
export const STAKEHOLDER_PARTIES = ['Pouvoirs publics', 'Associations', 'Entreprises', 'Citoyens', 'Universités', 'Médias'] as const;

export const stakeholderSchema = z.object({
  partie: userText(1, 80),
  apports: userText(0, 500),
  interets: userText(0, 500),
});
export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** A next step with its due date (*prochaines étapes*). */
export const candidateStepSchema = z.object({
  text: userText(1, 300),
  due: isoDateSchema.nullable().default(null),
  done: z.boolean().default(false),
});
export type CandidateStep = z.infer<typeof candidateStepSchema>;
export const MAX_CANDIDATE_STEPS = 30;

/** One change of status, dated and signed: the card's follow-up over the months. */
export const statusChangeSchema = z.object({
  at: z.string(),
  /** "animation", or the co-facilitator's name. */
  who: z.string(),
  from: candidateStatusSchema.nullable(),
  to: candidateStatusSchema,
  note: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const candidateSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  atelierId: uuidSchema,
  /** What it was promoted from (a cluster or an idea of the atelier's wall). */
  source: z.object({ kind: z.enum(['cluster', 'idea']), id: z.string() }),
  title: z.string(),
  besoin: z.string(),
  ressources: z.string(),
  stakeholders: z.array(stakeholderSchema),
  porteur: z.string(),
  nextSteps: z.string(),
  /** The method's vigilance on economic realism. Cards from before it existed read ''. */
  modeleEconomique: z.string().default(''),
  steps: z.array(candidateStepSchema).default([]),
  status: candidateStatusSchema,
  /** Oldest first. */
  history: z.array(statusChangeSchema).default([]),
  ideaIds: z.array(z.string()),
  /** The atelier vote at promotion time. */
  votes: z.object({ dots: z.number().int(), voters: z.number().int(), rank: z.number().int().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** What a facilitator may change on a card. */
export const candidatePatchSchema = z.object({
  title: userText(1, 120).optional(),
  besoin: userText(0, 2000).optional(),
  ressources: userText(0, 2000).optional(),
  stakeholders: z.array(stakeholderSchema).max(20).optional(),
  porteur: userText(0, 200).optional(),
  nextSteps: userText(0, 2000).optional(),
  modeleEconomique: userText(0, 2000).optional(),
  steps: z.array(candidateStepSchema).max(MAX_CANDIDATE_STEPS).optional(),
  status: candidateStatusSchema.optional(),
  /** Why the status changes, kept in the history with it. */
  statusNote: userText(0, 500).optional(),
});
export type CandidatePatch = z.infer<typeof candidatePatchSchema>;

export function defaultStakeholders(): Stakeholder[] {
  return STAKEHOLDER_PARTIES.map((partie) => ({ partie, apports: '', interets: '' }));
}
