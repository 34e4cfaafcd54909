import type * as Y from 'yjs';
// zod/mini: phones read these documents, and the mini build keeps their bundle small.
import * as z from 'zod/mini';

/**
 * The layout contract of a board's Y.Doc (one document per board, named by the board id).
 *
 *   meta    Y.Map  { schemaVersion: number, boardId: string, kind: 'mur' }   (versions: migrations.ts)
 *   ideas   Y.Map<ideaId, IdeaCard>        written only by the server (origin SERVER_ORIGIN);
 *                                          only visible ideas (not private, pending or hidden)
 *   layout  Y.Map<ideaId, { x, y }>        sticky positions: placed by the server, moved by facilitators
 *
 * Ideas live in the server's database; the document mirrors them for display, so a reader
 * validates every card and skips a bad one rather than failing the whole board.
 */
export const SERVER_ORIGIN = 'server';

export const ideaCardSchema = z.object({
  id: z.string(),
  text: z.string(),
  authorId: z.string(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edited by the facilitators. */
  moderated: z.optional(z.boolean()),
});
export type IdeaCard = z.infer<typeof ideaCardSchema>;

export const positionSchema = z.object({ x: z.number(), y: z.number() }); // zod 4 numbers are finite
export type Position = z.infer<typeof positionSchema>;

/** `columns`: a new idea takes the next slot of this grid — wide, as walls and projectors are. */
export const STICKY = { width: 180, height: 120, gap: 20, columns: 8 } as const;

export function boardMaps(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>('meta'),
    ideas: doc.getMap<unknown>('ideas'),
    layout: doc.getMap<unknown>('layout'),
  };
}

/** Valid cards, oldest first; malformed entries are reported through onInvalid and skipped. */
export function readIdeaCards(doc: Y.Doc, onInvalid?: (key: string) => void): IdeaCard[] {
  const cards: IdeaCard[] = [];
  boardMaps(doc).ideas.forEach((value, key) => {
    const parsed = ideaCardSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) cards.push(parsed.data);
    else onInvalid?.(key);
  });
  return cards.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function readPosition(doc: Y.Doc, ideaId: string): Position | null {
  const parsed = positionSchema.safeParse(boardMaps(doc).layout.get(ideaId));
  return parsed.success ? parsed.data : null;
}

/** Grid slot for the n-th sticky of a board, so new stickies never land on each other. */
export function gridPosition(index: number): Position {
  const col = index % STICKY.columns;
  const row = Math.floor(index / STICKY.columns);
  return { x: col * (STICKY.width + STICKY.gap), y: row * (STICKY.height + STICKY.gap) };
}

/**
 * Writes or replaces a card; places it on the grid the first time it appears, at `slot` when
 * the server decided one (stored with the idea, unique per board across processes), else
 * after the cards already laid out.
 */
export function putIdeaCard(doc: Y.Doc, card: IdeaCard, slot?: number): void {
  const { ideas, layout } = boardMaps(doc);
  doc.transact(() => {
    const existing = ideas.get(card.id);
    if (!sameCard(existing, card)) ideas.set(card.id, card);
    if (!layout.has(card.id)) layout.set(card.id, gridPosition(slot ?? layout.size));
  }, SERVER_ORIGIN);
}

export function removeIdeaCard(doc: Y.Doc, ideaId: string): void {
  const { ideas, layout } = boardMaps(doc);
  if (!ideas.has(ideaId) && !layout.has(ideaId)) return;
  doc.transact(() => {
    ideas.delete(ideaId);
    layout.delete(ideaId);
  }, SERVER_ORIGIN);
}

/** Takes a card off the board but keeps its place, so it comes back where it was if shown again. */
export function hideIdeaCard(doc: Y.Doc, ideaId: string): void {
  const { ideas } = boardMaps(doc);
  if (ideas.has(ideaId)) doc.transact(() => ideas.delete(ideaId), SERVER_ORIGIN);
}

export function moveIdea(doc: Y.Doc, ideaId: string, position: Position, origin?: unknown): void {
  doc.transact(() => boardMaps(doc).layout.set(ideaId, { x: position.x, y: position.y }), origin);
}

function sameCard(a: unknown, b: IdeaCard): boolean {
  const parsed = ideaCardSchema.safeParse(a);
  if (!parsed.success) return false;
  const x = parsed.data;
  return x.text === b.text && x.author === b.author && x.authorId === b.authorId && x.updatedAt === b.updatedAt && x.createdAt === b.createdAt && Boolean(x.moderated) === Boolean(b.moderated);
}
