import { z } from 'zod';
import { tokenSchema, uuidSchema } from '../schema/common';
import { commentTextSchema, groupNameSchema, reactionKindSchema, type PosterBoard, type PosterGroup, type ReactionKind } from '../schema/poster';

/** Payloads and answers of the poster workshop's socket.io commands and HTTP routes. */

/** Facilitators and participants alike: who is watching (any token of the event). */
export const subscribePostersPayload = z.object({ token: tokenSchema });
export const createGroupPayload = z.object({
  /** Client-generated, so a retried command never creates two groups. */
  id: uuidSchema,
  atelierId: uuidSchema,
  name: groupNameSchema,
  /** Also give the group a scenario-debate board. */
  debate: z.boolean().default(false),
});
export const groupIdPayload = z.object({ groupId: uuidSchema });
export const groupRolesPayload = z.object({
  groupId: uuidSchema,
  animateurId: uuidSchema.nullable(),
  rapporteurId: uuidSchema.nullable(),
});
export const watchBoardPayload = z.object({ boardId: uuidSchema });
export const reactPayload = z.object({ boardId: uuidSchema, kind: reactionKindSchema, on: z.boolean() });
export const commentPayload = z.object({ id: uuidSchema, boardId: uuidSchema, text: commentTextSchema });

/** HTTP: POST /api/admin/groups. */
export const adminCreateGroupBody = createGroupPayload.omit({ id: true });

export interface GroupMemberView {
  id: string;
  pseudonym: string;
}

export interface GroupView {
  group: PosterGroup;
  /** poster, afom, then debat when present. */
  boards: PosterBoard[];
  members: GroupMemberView[];
}

export interface CommentView {
  id: string;
  boardId: string;
  author: string;
  text: string;
  createdAt: string;
}

export type ReactionCounts = Record<ReactionKind, number>;

export interface BoardFeed {
  boardId: string;
  comments: CommentView[];
  reactions: ReactionCounts;
  /** The asking participant's own reactions (empty for facilitators). */
  mine: ReactionKind[];
}

/** GET /api/boards/:boardId: what a client needs to open any board. */
export interface BoardInfo {
  id: string;
  kind: 'mur' | PosterBoard['kind'];
  eventId: string;
  atelierId: string;
  group: GroupView | null;
  /** Whether this principal's Yjs writes are accepted. */
  canWrite: boolean;
}

export interface BackgroundResult {
  background: { assetId: string; width: number; height: number };
}

/** Width of an exported PNG: at least print resolution, bounded for memory. */
export const EXPORT_PNG_MIN_WIDTH = 4000;
export const EXPORT_PNG_MAX_WIDTH = 8000;
/** No exported PNG is taller than this: a tall drawing comes out narrower than the width asked,
 * so an export never exceeds 8,000 × 8,000 px (256 MB of pixels). */
export const EXPORT_PNG_MAX_HEIGHT = 8000;
/** An export shows at most this many world units of drawing each way, around the drawing's
 * median; shapes beyond are cut off (one stray stroke at y = 1,000,000 cannot blow it up). */
export const EXPORT_MAX_EXTENT = 20_000;
/** PNG exports rasterised at once per server process, and how many may wait (beyond: 503 BUSY). */
export const EXPORT_CONCURRENCY = 2;
export const EXPORT_QUEUE_MAX = 8;
export const exportQuerySchema = z.object({
  width: z.coerce.number().int().min(EXPORT_PNG_MIN_WIDTH).max(EXPORT_PNG_MAX_WIDTH).default(EXPORT_PNG_MIN_WIDTH),
});
