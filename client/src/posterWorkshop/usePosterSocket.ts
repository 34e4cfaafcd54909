import { useEffect, useState } from 'react';
import { C, S, type GroupView } from '@semis/shared';
import { createSocket, request, type SemisSocket } from '../sync/socket';

/**
 * A socket subscribed to the event's poster groups with any token (participant or facilitator):
 * the list stays live through group:changed, and is fetched again after every reconnection.
 */
export function usePosterSocket(token: string | null) {
  const [socket, setSocket] = useState<SemisSocket | null>(null);
  const [groups, setGroups] = useState<GroupView[]>([]);
  /** Subscribed: commands may be sent. */
  const [online, setOnline] = useState(false);

  useEffect(() => {
    if (!token) return;
    // Created here, with its listeners, so no 'connect' can happen before we listen.
    const s = createSocket();
    const subscribe = async () => {
      const r = await request(s, C.subscribePosters, { token });
      if (r.ok) setGroups(r.data.groups);
      setOnline(r.ok);
    };
    s.on('connect', subscribe);
    s.on('disconnect', () => setOnline(false));
    s.on(S.groupChanged, (view: GroupView) => setGroups((list) => upsert(list, view)));
    setSocket(s);
    return () => {
      s.off();
      s.disconnect();
      setSocket(null);
      setOnline(false);
    };
  }, [token]);

  return { socket, groups, online, upsert: (view: GroupView) => setGroups((l) => upsert(l, view)) };
}

export function upsert(list: readonly GroupView[], view: GroupView): GroupView[] {
  const i = list.findIndex((v) => v.group.id === view.group.id);
  if (i === -1) return [...list, view].sort((a, b) => a.group.atelierId.localeCompare(b.group.atelierId) || a.group.position - b.group.position);
  const next = list.slice();
  next[i] = view;
  return next;
}
