import { z } from 'zod';
import { uuidSchema } from './common';
import { pseudonymText } from './text';

export const PSEUDONYM_MAX = 40;
/** Shown to everyone: NFKC, invisible and bidi controls removed, spaces collapsed (text.ts). */
export const pseudonymSchema = pseudonymText(1, PSEUDONYM_MAX);

export const participantSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  pseudonym: z.string(),
  atelierId: uuidSchema.nullable(),
  createdAt: z.string(),
  blockedAt: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;
