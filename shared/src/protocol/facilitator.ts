import { z } from 'zod';
import { tokenSchema, userText, uuidSchema } from '../schema/common';
import { phaseSchema } from '../schema/event';
import { ideaTextSchema, type IdeaStatus } from '../schema/idea';
import { groupCreationSchema } from '../schema/poster';
import { MAX_TIMER_MS } from '../domain/timer';
import type { Atelier, SemisEvent } from '../schema/event';
import type { TimerState } from '../domain/timer';
import type { Phase } from '../domain/phases';

/** Payloads of the facilitators' socket.io commands (names in `C`, socket.ts). */
export const facilitatorAuthPayload = z.object({ token: tokenSchema });

/** `'all'` moves every atelier of the event at once; all or none move. */
export const setPhasePayload = z.object({ atelierIds: z.union([z.literal('all'), z.array(uuidSchema).min(1).max(100)]), phase: phaseSchema });

export const configureAtelierPayload = z.object({
  atelierId: uuidSchema,
  privateWriting: z.boolean().optional(),
  moderated: z.boolean().optional(),
  showAuthors: z.boolean().optional(),
  groupCreation: groupCreationSchema.optional(),
});

export const revealPayload = z.object({ atelierId: uuidSchema });

/** `target`: an atelier id, or `'event'` for the evening's global countdown. */
// Whole milliseconds: endsAt and remainingMs derive from them, and clients read them as
// integers (epoch ms), as POST /api/events' timerMs already is.
export const timerPayload = z.discriminatedUnion('action', [
  z.object({ target: z.union([z.literal('event'), uuidSchema]), action: z.literal('start'), durationMs: z.number().int(), onZero: z.enum(['lock', 'notify']).default('notify') }),
  z.object({ target: z.union([z.literal('event'), uuidSchema]), action: z.literal('pause') }),
  z.object({ target: z.union([z.literal('event'), uuidSchema]), action: z.literal('resume') }),
  z.object({ target: z.union([z.literal('event'), uuidSchema]), action: z.literal('add'), deltaMs: z.number().int() }),
  z.object({ target: z.union([z.literal('event'), uuidSchema]), action: z.literal('clear') }),
]);
export const MAX_TIMER_SECONDS = MAX_TIMER_MS / 1000;

export const modIdeasPayload = z.object({ atelierId: uuidSchema });
export const moderateIdeaPayload = z.discriminatedUnion('action', [
  z.object({ id: uuidSchema, action: z.enum(['hide', 'show', 'delete', 'approve', 'reject']) }),
  z.object({ id: uuidSchema, action: z.literal('edit'), text: ideaTextSchema }),
]);
export const blockPayload = z.object({ participantId: uuidSchema });
/** The waiting ideas of every atelier in the facilitator's scope, or of one. */
export const modQueuePayload = z.object({ atelierId: uuidSchema.optional() }).strict();
/** *Tout valider*: the ideas the facilitator saw waiting (ideas that arrived since stay waiting). */
export const approveAllPayload = z.object({ ids: z.array(uuidSchema).min(1).max(500) });

export interface BlockedParticipant {
  id: string;
  pseudonym: string;
  atelierId: string | null;
  blockedAt: string;
}
export const modLogPayload = z.object({ limit: z.number().int().min(1).max(500).default(100) });
export const coFacilitatorPayload = z.object({ atelierId: uuidSchema, label: userText(1, 40) });

export const viewportSchema = z.object({ x: z.number().finite(), y: z.number().finite(), scale: z.number().finite().positive().max(100) });
export type Viewport = z.infer<typeof viewportSchema>;
/** Follow me: walls of the atelier (and the projector) follow this viewport; null stops. */
export const followPayload = z.object({ atelierId: uuidSchema, viewport: viewportSchema.nullable() });

export const timeSyncPayload = z.object({ t: z.number() });

/** What a facilitator sees of an idea, whatever its status. */
export interface ModIdeaView {
  id: string;
  atelierId: string;
  text: string;
  status: IdeaStatus;
  deleted: boolean;
  authorId: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  moderated: boolean;
}

export interface FacilitatorAuthResult {
  event: SemisEvent;
  ateliers: Atelier[];
  scope: string | null;
  actor: string;
  serverTime: number;
}

export interface AtelierDashboard {
  id: string;
  title: string;
  phase: Phase;
  timer: TimerState | null;
  locked: boolean;
  privateWriting: boolean;
  moderated: boolean;
  /** Participants connected to this atelier right now. */
  connected: number;
  ideas: { visible: number; private: number; pending: number; hidden: number };
  /** The atelier's latest vote: how many people have placed a dot or a rating. */
  vote: { status: 'open' | 'closed'; mode: 'dots' | 'rating'; voters: number } | null;
  /** Project candidates promoted from this atelier. */
  candidates: number;
}

export interface Dashboard {
  eventId: string;
  timer: TimerState | null;
  ateliers: AtelierDashboard[];
  serverTime: number;
}

export interface ModerationLogEntry {
  atelierId: string | null;
  /** Who acted: "animation" (admin link) or the co-facilitator's name. */
  actor: string;
  action: string;
  /** Idea, participant, atelier or candidate id. */
  target: string;
  details: string;
  at: string;
}

/** Pushed to everyone in an atelier (phones, walls, projector) when its phase, modes or timer change. */
export interface AtelierStatePush {
  atelier: Atelier;
  serverTime: number;
}
export interface EventStatePush {
  timer: TimerState | null;
  serverTime: number;
}
