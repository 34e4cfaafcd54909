import { API, C, type CreateEventResult, type GroupView, type JoinResult } from '@semis/shared';
import { api, call, connect, must, type Client } from './harness';

export interface Person {
  socket: Client;
  token: string;
  id: string;
  pseudonym: string;
}

/** A participant joined by code on its own socket, subscribed to the poster workshop. */
export async function joinPerson(url: string, ev: CreateEventResult, pseudonym: string): Promise<Person> {
  const socket = await connect(url);
  const joined = must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym }));
  must(await call(socket, C.subscribePosters, { token: joined.token }));
  return { socket, token: joined.token, id: joined.participant.id, pseudonym };
}

/** The facilitator's route: a group with poster + AFOM (+ debate). */
export async function adminGroup(url: string, ev: CreateEventResult, name: string, debate = false, atelier = 0): Promise<GroupView> {
  const res = await api<{ group: GroupView }>(url, API.adminGroups, { token: ev.adminToken, body: { atelierId: ev.ateliers[atelier]!.id, name, debate } });
  if (res.status !== 201) throw new Error(`adminGroup: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.group;
}

export function boardOf(view: GroupView, kind: 'poster' | 'afom' | 'debat'): string {
  const b = view.boards.find((x) => x.kind === kind);
  if (!b) throw new Error(`group ${view.group.name} has no ${kind} board`);
  return b.id;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((v, i) => bytes[i] === v)) throw new Error('not a PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('no IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
