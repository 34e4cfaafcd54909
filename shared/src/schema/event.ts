import { z } from 'zod';
import { isoDateSchema, joinCodeSchema, userText, uuidSchema } from './common';

export const BOARD_KINDS = ['mur'] as const;
export const boardKindSchema = z.enum(BOARD_KINDS);
export type BoardKind = z.infer<typeof boardKindSchema>;

export const MAX_ATELIERS = 40;

export const atelierInputSchema = z.object({
  title: userText(1, 80),
  theme: userText(0, 80).default(''),
  question: userText(0, 280).default(''),
  boardKind: boardKindSchema.default('mur'),
});
export type AtelierInput = z.input<typeof atelierInputSchema>;

export const eventInputSchema = z.object({
  name: userText(1, 120),
  date: isoDateSchema.nullable().default(null),
  place: userText(0, 120).default(''),
  ateliers: z.array(atelierInputSchema).min(1).max(MAX_ATELIERS),
});
export type EventInput = z.input<typeof eventInputSchema>;

export const eventSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  date: isoDateSchema.nullable(),
  place: z.string(),
  joinCode: joinCodeSchema,
  createdAt: z.string(),
});
export type SemisEvent = z.infer<typeof eventSchema>;

export const atelierSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  position: z.number().int().nonnegative(),
  title: z.string(),
  theme: z.string(),
  question: z.string(),
  boardKind: boardKindSchema,
  /** The atelier's board document; one board per atelier for the wall. */
  boardId: uuidSchema,
});
export type Atelier = z.infer<typeof atelierSchema>;
