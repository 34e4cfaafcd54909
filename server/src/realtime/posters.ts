import { C, type GroupView } from '@semis/shared';
import type { Storage } from '../storage/types';
import type { Notifier } from '../services/notifier';
import { boardFeed, comment, createGroup, joinGroup, leaveGroup, listGroupViews, react, setGroupRoles } from '../services/posters';
import type { CommandTable, SemisSocket } from './command';
import { subscribeViewer, viewerOf } from './identity';
import { rooms } from './rooms';

export interface PosterSocketDeps {
  storage: Storage;
  now: () => string;
  broadcast: Notifier;
}

/** The poster workshop's commands, for participants and facilitators alike. */
export function posterCommands(deps: PosterSocketDeps): CommandTable {
  const { storage, now, broadcast } = deps;
  const viewer = (socket: SemisSocket) => viewerOf(storage, socket);

  /** A participant who joins a group leaves their previous one: both are announced. */
  const announce = async (eventId: string, view: GroupView, left: string | null) => {
    broadcast.groupChanged(view);
    if (left) {
      const other = (await listGroupViews(storage, eventId)).find((v) => v.group.id === left);
      if (other) broadcast.groupChanged(other);
    }
  };

  return {
    [C.subscribePosters]: async ({ token }, socket) => {
      const who = await subscribeViewer(storage, socket, token);
      // In the participant's room too, so blocking them closes this socket like their others.
      await socket.join(who.role === 'participant' ? [rooms.event(who.event.id), rooms.participant(who.participant.id)] : rooms.event(who.event.id));
      return { groups: await listGroupViews(storage, who.event.id) };
    },

    [C.createGroup]: async (payload, socket) => {
      const who = await viewer(socket);
      const res = await createGroup(storage, who, payload, now());
      await announce(who.event.id, res.view, res.left);
      return { group: res.view, created: res.created };
    },

    [C.joinGroup]: async (payload, socket) => {
      const who = await viewer(socket);
      const res = await joinGroup(storage, who, payload, now());
      await announce(who.event.id, res.view, res.left);
      return { group: res.view };
    },

    [C.leaveGroup]: async (payload, socket) => {
      const view = await leaveGroup(storage, await viewer(socket), payload);
      broadcast.groupChanged(view);
      return { group: view };
    },

    [C.setGroupRoles]: async (payload, socket) => {
      const view = await setGroupRoles(storage, await viewer(socket), payload);
      broadcast.groupChanged(view);
      return { group: view };
    },

    [C.watchBoard]: async ({ boardId }, socket) => {
      const feed = await boardFeed(storage, await viewer(socket), boardId);
      // One poster at a time: the presentation steps through them.
      for (const r of socket.rooms) if (r.startsWith('board:')) await socket.leave(r);
      await socket.join(rooms.board(feed.boardId));
      return feed;
    },

    [C.react]: async (payload, socket) => {
      const res = await react(storage, await viewer(socket), payload, now());
      broadcast.reactions(res.boardId, res.reactions);
      return res;
    },

    [C.comment]: async (payload, socket) => {
      const res = await comment(storage, await viewer(socket), payload, now());
      if (res.created) broadcast.comment(res.comment);
      return res;
    },
  };
}
