import { z } from 'zod';
import { uuidSchema } from '../schema/common';

/** *Présenter*: the room's screen shows an atelier's clusters, candidates or posters one per
 * screen, stepped through from the console or the projector (keyboard, clicker). */
export const PRESENT_KINDS = ['clusters', 'candidates', 'posters'] as const;
export type PresentKind = (typeof PRESENT_KINDS)[number];

export const presentPayload = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), atelierId: uuidSchema, kind: z.enum(PRESENT_KINDS), index: z.number().int().min(0).max(10_000).default(0) }),
  z.object({ action: z.literal('step'), atelierId: uuidSchema, delta: z.union([z.literal(1), z.literal(-1)]) }),
  z.object({ action: z.literal('stop'), atelierId: uuidSchema }),
  z.object({ action: z.literal('get'), atelierId: uuidSchema }),
]);
export type PresentPayload = z.output<typeof presentPayload>;

/** Decided by the server (it counts the items, so two consoles pressing "next" never skip or
 * run past the end) and pushed to the atelier's facilitators, projector included. */
export interface PresentState {
  atelierId: string;
  kind: PresentKind;
  /** 0-based, within [0, count - 1] (0 when there is nothing to show). */
  index: number;
  count: number;
  /** The cluster, candidate or poster board on screen; null when there is none. */
  itemId: string | null;
}

/** The next state for a start or a step over `items` (ids in presentation order); pure. */
export function nextPresentState(current: PresentState | null, p: Extract<PresentPayload, { action: 'start' | 'step' }>, items: readonly string[]): PresentState | null {
  if (p.action === 'step' && !current) return null;
  const kind = p.action === 'start' ? p.kind : current!.kind;
  let wanted: number;
  if (p.action === 'start') wanted = p.index;
  else {
    // Keep the same item when the list changed under us (a cluster added before it), then step.
    const at = current!.itemId ? items.indexOf(current!.itemId) : -1;
    wanted = (at >= 0 ? at : current!.index) + p.delta;
  }
  const index = Math.max(0, Math.min(wanted, items.length - 1));
  return { atelierId: p.atelierId, kind, index, count: items.length, itemId: items[index] ?? null };
}
