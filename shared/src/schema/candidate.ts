import { z } from 'zod';
import { userText, uuidSchema } from './common';

/** The method's steps a project candidate goes through. */
export const CANDIDATE_STATUSES = ['idee', 'etude-opportunite', 'pilote', 'creation-activite'] as const;
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
  status: candidateStatusSchema,
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
  status: candidateStatusSchema.optional(),
});
export type CandidatePatch = z.infer<typeof candidatePatchSchema>;

export function defaultStakeholders(): Stakeholder[] {
  return STAKEHOLDER_PARTIES.map((partie) => ({ partie, apports: '', interets: '' }));
}
