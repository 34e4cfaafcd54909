import { z } from 'zod';
import { isoDateSchema, joinCodeSchema, userText, uuidSchema } from './common';
import { PHASES } from '../domain/phases';
import { MAX_TIMER_MS } from '../domain/timer';
import { voteConfigSchema } from './vote';
import { groupCreationSchema } from './poster';
import { DEFAULT_RETENTION_DAYS, retentionDaysSchema } from '../domain/retention';

export const BOARD_KINDS = ['mur'] as const;
export const boardKindSchema = z.enum(BOARD_KINDS);
export type BoardKind = z.infer<typeof boardKindSchema>;

export const MAX_ATELIERS = 40;

/** The setups a method template's atelier may name (`ATELIER_PRESETS`, templates/method.ts). */
export const ATELIER_PRESET_IDS = ['posters', 'afom', 'debat'] as const;
export type AtelierPresetId = (typeof ATELIER_PRESET_IDS)[number];

export const atelierInputSchema = z.object({
  title: userText(1, 80),
  theme: userText(0, 80).default(''),
  question: userText(0, 280).default(''),
  boardKind: boardKindSchema.default('mur'),
  /** A method template's setup for this atelier (templates/method.ts), applied at creation. */
  preset: z.enum(ATELIER_PRESET_IDS).optional(),
});
export type AtelierInput = z.input<typeof atelierInputSchema>;

export const eventInputSchema = z.object({
  name: userText(1, 120),
  date: isoDateSchema.nullable().default(null),
  place: userText(0, 120).default(''),
  ateliers: z.array(atelierInputSchema).min(1).max(MAX_ATELIERS),
  retentionDays: retentionDaysSchema.default(DEFAULT_RETENTION_DAYS),
  /** The evening's global countdown, set up paused (a template's presentation timer). */
  timerMs: z.number().int().positive().max(MAX_TIMER_MS).optional(),
});
export type EventInput = z.input<typeof eventInputSchema>;

export const phaseSchema = z.enum(PHASES);

export const timerStateSchema = z.object({
  durationMs: z.number().positive().max(MAX_TIMER_MS),
  endsAt: z.number().nullable(),
  remainingMs: z.number().min(0).max(MAX_TIMER_MS),
  onZero: z.enum(['lock', 'notify']),
});

export const eventSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  date: isoDateSchema.nullable(),
  place: z.string(),
  joinCode: joinCodeSchema,
  createdAt: z.string(),
  /** The evening's global countdown, shown on every screen. */
  timer: timerStateSchema.nullable(),
  /** Days the participants' pseudonyms are kept once the evening is over (domain/retention.ts). */
  retentionDays: retentionDaysSchema,
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
  phase: phaseSchema,
  /** Écriture privée: new ideas are seen by their author and facilitators until revealed. */
  privateWriting: z.boolean(),
  /** Mode modéré: new ideas wait in the facilitators' inbox until approved. */
  moderated: z.boolean(),
  /** Whether pseudonyms are shown with ideas on walls and phones. */
  showAuthors: z.boolean(),
  timer: timerStateSchema.nullable(),
  /** How the atelier votes when it reaches the vote phase. */
  vote: voteConfigSchema,
  /** Who forms poster groups (absent: DEFAULT_GROUP_CREATION). */
  groupCreation: groupCreationSchema.optional(),
});
export type Atelier = z.infer<typeof atelierSchema>;
