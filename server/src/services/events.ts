import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_VOTE_CONFIG, INITIAL_PHASE, atelierInputSchema, eventInputSchema, makeJoinCode, MAX_ATELIERS, type Atelier, type CreateEventResult, type AdminEventResult, type JoinInfoResult, type PublicEvent, joinCodeSchema, normalizeJoinCode, participantPath, type JoinReach } from '@semis/shared';
import { AppError, fromZod } from '../errors';
import { hashToken, newToken } from '../auth/tokens';
import type { EventRecord, Storage } from '../storage/types';
import type { FacilitatorPrincipal } from './access';
import { applyPresets, freshTimer } from './presets';

export const addAteliersSchema = z.object({ ateliers: z.array(atelierInputSchema).min(1).max(MAX_ATELIERS) });

/** The participant link is what the QR code encodes; the admin token rides in the fragment,
 * which browsers never send to the server or in a Referer. */
export const participantLink = (publicUrl: string, joinCode: string) => publicUrl + participantPath(joinCode);
export const adminLink = (publicUrl: string, adminToken: string) => `${publicUrl}/animer#${adminToken}`;

export async function createEvent(storage: Storage, body: unknown, publicUrl: string, now: string): Promise<CreateEventResult> {
  const parsed = eventInputSchema.safeParse(body);
  if (!parsed.success) throw fromZod(parsed.error);
  const input = parsed.data;
  const adminToken = newToken();
  // A collision on the 6-letter code is rare but possible: retry with a fresh one.
  for (let attempt = 0; attempt < 8; attempt++) {
    const event: EventRecord = {
      id: randomUUID(),
      name: input.name,
      date: input.date,
      place: input.place,
      joinCode: makeJoinCode((n) => randomBytes(n)),
      createdAt: now,
      adminTokenHash: hashToken(adminToken),
      timer: null,
      retentionDays: input.retentionDays,
    };
    if (await storage.joinCodeExists(event.joinCode)) continue;
    const ateliers = toAteliers(event.id, input.ateliers, 0);
    await storage.createEvent(event, ateliers);
    if (input.timerMs) {
      event.timer = freshTimer({ durationMs: input.timerMs, onZero: 'notify' });
      await storage.setEventTimer(event.id, event.timer);
    }
    const presets = input.ateliers.map((a) => a.preset);
    if (presets.some(Boolean)) await applyPresets(storage, ateliers, presets, now);
    const { adminTokenHash: _, ...stored } = event;
    return { event: stored, ateliers: presets.some(Boolean) ? await storage.listAteliers(event.id) : ateliers, adminToken, links: { participant: participantLink(publicUrl, event.joinCode), admin: adminLink(publicUrl, adminToken) } };
  }
  throw new AppError('INTERNAL');
}

export async function adminEvent(storage: Storage, who: FacilitatorPrincipal, base: { url: string; reach: JoinReach }): Promise<AdminEventResult> {
  const { adminTokenHash: _, ...stored } = who.event;
  const ateliers = await storage.listAteliers(stored.id);
  return {
    event: stored,
    ateliers: who.scope === null ? ateliers : ateliers.filter((a) => a.id === who.scope),
    links: { participant: participantLink(base.url, stored.joinCode), base: base.url, reach: base.reach },
    scope: who.scope,
    actor: who.actor,
  };
}

export async function addAteliers(storage: Storage, event: EventRecord, body: unknown): Promise<Atelier[]> {
  const parsed = addAteliersSchema.safeParse(body);
  if (!parsed.success) throw fromZod(parsed.error);
  const existing = await storage.listAteliers(event.id);
  if (existing.length + parsed.data.ateliers.length > MAX_ATELIERS) throw new AppError('BAD_REQUEST', 'ateliers');
  await storage.addAteliers(toAteliers(event.id, parsed.data.ateliers, existing.length));
  return storage.listAteliers(event.id);
}

export async function eventByCode(storage: Storage, typed: string): Promise<EventRecord> {
  const code = joinCodeSchema.safeParse(normalizeJoinCode(typed));
  const event = code.success ? await storage.getEventByJoinCode(code.data) : null;
  if (!event) throw new AppError('UNKNOWN_CODE', 'code');
  return event;
}

export async function joinInfo(storage: Storage, typed: string): Promise<JoinInfoResult> {
  const event = await eventByCode(storage, typed);
  return { event: publicEvent(event), ateliers: await storage.listAteliers(event.id) };
}

export function publicEvent(e: EventRecord): PublicEvent {
  return { id: e.id, name: e.name, date: e.date, place: e.place, joinCode: e.joinCode, timer: e.timer, retentionDays: e.retentionDays };
}

function toAteliers(eventId: string, inputs: z.output<typeof atelierInputSchema>[], offset: number): Atelier[] {
  return inputs.map((a, i) => ({
    id: randomUUID(),
    eventId,
    position: offset + i,
    title: a.title,
    theme: a.theme,
    question: a.question,
    boardKind: a.boardKind,
    boardId: randomUUID(),
    phase: INITIAL_PHASE,
    privateWriting: false,
    moderated: false,
    showAuthors: true,
    timer: null,
    vote: DEFAULT_VOTE_CONFIG,
  }));
}
