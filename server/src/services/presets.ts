import { randomUUID } from 'node:crypto';
import { ATELIER_PRESETS, DEFAULT_VOTE_CONFIG, type Atelier, type AtelierPresetId, type PosterBoard, type PosterBoardKind, type TimerState } from '@semis/shared';
import type { Storage } from '../storage/types';

/** A timer as set up, not as it ran: its full duration, paused, ready to start. */
export const freshTimer = (t: Pick<TimerState, 'durationMs' | 'onZero'>): TimerState => ({ durationMs: t.durationMs, endsAt: null, remainingMs: t.durationMs, onZero: t.onZero });

/** A poster group with its boards, nobody in it yet (templates and duplicated events). */
export async function createGroupWithBoards(storage: Storage, atelier: Pick<Atelier, 'id' | 'eventId'>, name: string, kinds: PosterBoardKind[], now: string): Promise<void> {
  const id = randomUUID();
  const boards = kinds.map((kind): PosterBoard => ({ id: randomUUID(), eventId: atelier.eventId, atelierId: atelier.id, groupId: id, kind, createdAt: now }));
  await storage.posters.createGroup({ id, eventId: atelier.eventId, atelierId: atelier.id, name, animateurId: null, rapporteurId: null, createdAt: now }, boards);
}

/** Gives freshly created ateliers their template setup (templates/method.ts): timer, vote
 * settings, group rules, and their poster groups with boards. */
export async function applyPresets(storage: Storage, ateliers: Atelier[], presets: (AtelierPresetId | undefined)[], now: string): Promise<void> {
  for (const [i, atelier] of ateliers.entries()) {
    const id = presets[i];
    if (!id) continue;
    const preset = ATELIER_PRESETS[id];
    await storage.updateAteliers([atelier.id], { timer: freshTimer(preset.timer), vote: { ...DEFAULT_VOTE_CONFIG, ...preset.vote }, groupCreation: preset.groupCreation });
    for (const group of preset.groups) await createGroupWithBoards(storage, atelier, group.name, group.boards, now);
  }
}
