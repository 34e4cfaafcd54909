import { z } from 'zod';
import { userText, uuidSchema } from './common';

export const IDEA_MAX = 280;
export const ideaTextSchema = userText(1, IDEA_MAX);

/** An idea as stored by the server: the source of truth that board documents mirror. */
export const ideaSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  atelierId: uuidSchema,
  boardId: uuidSchema,
  authorId: uuidSchema,
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Idea = z.infer<typeof ideaSchema>;
