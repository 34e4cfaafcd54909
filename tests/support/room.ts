import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { C, createCluster, readIdeaCards, type Atelier, type CreateEventResult, type IdeaView } from '@semis/shared';
import { call, must, openBoard, participant, waitFor, type BoardClient, type Client } from './harness';

/** Real phone posts from the field (tests/fixtures), with their theme. */
export function fieldIdeas(): { text: string; theme: string }[] {
  const file = path.resolve(import.meta.dirname, '../fixtures/ideas-heldout.jsonl');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; theme: string });
}

/**
 * Posts `groups` of ideas into an atelier (through participants' sockets, as phones do), then
 * clusters each group on the wall's document under its title, as a facilitator does. An empty
 * title leaves a group's ideas outside any cluster. Returns the wall (caller destroys it) and
 * the participants' sockets (caller disconnects them).
 */
export async function seedWall(url: string, ev: CreateEventResult, atelier: Atelier, groups: { title: string | null; texts: string[] }[]): Promise<{ wall: BoardClient; sockets: Client[]; ideaIds: string[][] }> {
  const sockets: Client[] = [];
  const ideaIds: string[][] = [];
  // Several authors: one phone's command budget is meant for a person, not a script.
  for (const [g, group] of groups.entries()) {
    const author = await participant(url, ev.event.joinCode, `Auteur ${g + 1}`, atelier.id);
    sockets.push(author.socket);
    const ids: string[] = [];
    for (const text of group.texts) ids.push(must(await call<{ idea: IdeaView }>(author.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text })).idea.id);
    ideaIds.push(ids);
  }
  const wall = openBoard(url, atelier.boardId, ev.adminToken);
  await wall.synced;
  const total = ideaIds.flat().length;
  await waitFor(() => readIdeaCards(wall.doc).length >= total, 5000, 'ideas on the wall');
  groups.forEach((group, g) => {
    if (group.title !== null) createCluster(wall.doc, { id: `cl-${g}`, title: group.title, x: g * 400, y: 0, createdAt: `2026-06-08T18:0${g}:00Z` }, ideaIds[g]!);
  });
  return { wall, sockets, ideaIds };
}
