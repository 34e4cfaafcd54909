import { z } from 'zod';
import { userText, uuidSchema } from './common';
import { hasControlChars } from '../domain/text';

export const PSEUDONYM_MAX = 40;
export const pseudonymSchema = userText(1, PSEUDONYM_MAX).refine((s) => !hasControlChars(s), {
  message: 'control characters',
});

export const participantSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  pseudonym: z.string(),
  atelierId: uuidSchema.nullable(),
  createdAt: z.string(),
  blockedAt: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

/** Two pseudonyms are the same person's if they differ only by case, accents or spacing:
 * a blocked "Kévin" cannot come back as "kevin ". */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
