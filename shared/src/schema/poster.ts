import { z } from 'zod';
import { userText, uuidSchema } from './common';

/** Records of the poster workshop ("Dessiner son territoire"): groups, their boards, the
 * audience's reactions and comments, and uploaded background maps. */

/** Boards beyond the atelier's wall: each has its own id and Y.Doc. */
export const POSTER_BOARD_KINDS = ['poster', 'afom', 'debat'] as const;
export const posterBoardKindSchema = z.enum(POSTER_BOARD_KINDS);
export type PosterBoardKind = z.infer<typeof posterBoardKindSchema>;

export const GROUP_NAME_MAX = 60;
export const groupNameSchema = userText(1, GROUP_NAME_MAX);
export const MAX_GROUPS_PER_ATELIER = 30;

/** Who may form poster groups in an atelier, and how many each participant may form — the
 * facilitator's setting (atelier:configure). Facilitators always may, up to MAX_GROUPS_PER_ATELIER.
 * Each group a participant forms is one more board document they write: bounded by default. */
export const GROUP_CREATORS = ['facilitators', 'participants'] as const;
export const MAX_GROUPS_PER_PARTICIPANT = 5;
export const groupCreationSchema = z.object({
  by: z.enum(GROUP_CREATORS),
  perParticipant: z.number().int().min(1).max(MAX_GROUPS_PER_PARTICIPANT),
});
export type GroupCreation = z.infer<typeof groupCreationSchema>;
export const DEFAULT_GROUP_CREATION: GroupCreation = { by: 'participants', perParticipant: 1 };

export const posterGroupSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  atelierId: uuidSchema,
  name: z.string(),
  position: z.number().int().nonnegative(),
  /** Named by the group among its members. */
  animateurId: uuidSchema.nullable(),
  rapporteurId: uuidSchema.nullable(),
  createdAt: z.string(),
});
export type PosterGroup = z.infer<typeof posterGroupSchema>;

export const groupMemberSchema = z.object({ groupId: uuidSchema, participantId: uuidSchema, joinedAt: z.string() });
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const posterBoardSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  atelierId: uuidSchema,
  /** The group whose members may write it; null for a board only facilitators write. */
  groupId: uuidSchema.nullable(),
  kind: posterBoardKindSchema,
  createdAt: z.string(),
});
export type PosterBoard = z.infer<typeof posterBoardSchema>;

/** What the audience can say about a poster with one tap. */
export const REACTION_KINDS = ['bravo', 'accord', 'question', 'vigilance'] as const;
export const reactionKindSchema = z.enum(REACTION_KINDS);
export type ReactionKind = z.infer<typeof reactionKindSchema>;

export const COMMENT_MAX = 280;
export const commentTextSchema = userText(1, COMMENT_MAX);

export const boardCommentSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  boardId: uuidSchema,
  authorId: uuidSchema,
  text: z.string(),
  createdAt: z.string(),
});
export type BoardComment = z.infer<typeof boardCommentSchema>;

/** Background maps: PNG, JPEG or WebP, recognised by their first bytes. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Decoded size bounds, read from the image header before anything is stored or rasterised:
 * a few hundred KB of PNG can decode to gigabytes (decompression bomb). 40 Mpx ≈ 160 MB RGBA. */
export const MAX_IMAGE_SIDE = 8_000;
export const MAX_IMAGE_PIXELS = 40_000_000;
export function imageFits(size: { width: number; height: number }): boolean {
  return size.width <= MAX_IMAGE_SIDE && size.height <= MAX_IMAGE_SIDE && size.width * size.height <= MAX_IMAGE_PIXELS;
}

export const assetSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  boardId: uuidSchema,
  mime: z.enum(IMAGE_TYPES),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  size: z.number().int().positive(),
  createdAt: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;
