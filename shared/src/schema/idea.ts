import { z } from 'zod';
import { userText, uuidSchema } from './common';

export const IDEA_MAX = 280;
export const ideaTextSchema = userText(1, IDEA_MAX);

/** An idea as stored by the server: the source of truth that board documents mirror. */
/**
 * visible: on the board for everyone; private: écriture privée, until the facilitator reveals;
 * pending: mode modéré, until approved; hidden: hidden by a facilitator. Only visible ideas
 * ever enter a board document.
 */
export const IDEA_STATUSES = ['visible', 'private', 'pending', 'hidden'] as const;
export const ideaStatusSchema = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof ideaStatusSchema>;

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
  status: ideaStatusSchema,
  /** Set when a facilitator edited the text (shown as "modifié par l'animation"). */
  moderatedAt: z.string().nullable(),
});
export type Idea = z.infer<typeof ideaSchema>;
