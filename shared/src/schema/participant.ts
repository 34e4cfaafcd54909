import { z } from 'zod';
import { userText, uuidSchema } from './common';

export const PSEUDONYM_MAX = 40;
export const pseudonymSchema = userText(1, PSEUDONYM_MAX).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
  message: 'control characters',
});

export const participantSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  pseudonym: z.string(),
  atelierId: uuidSchema.nullable(),
  createdAt: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;
