import { useEffect, useMemo, useState } from 'react';
import { C, S, type GroupView } from '@semis/shared';
import { createSocket, request, type SemisSocket } from '../sync/socket';

/**
 * A socket subscribed to the event's poster groups with any token (participant or facilitator):
 * the list stays live through group:changed, and is fetched again after every reconnection.
 */
export function usePosterSocket(token: string | null) {
  const socket = useMemo<SemisSocket | null>(() => (token ? createSocket() : null), [token]);
  const [groups, setGroups] = useState<GroupView[]>([]);
  const [online, setOnline] = useState(false);

  useEffect(() => {
    if (!socket || !token) return;
    const subscribe = async () => {
      setOnline(true);
      const r = await request(socket, C.subscribePosters, { token });
      if (r.ok) setGroups(r.data.groups);
    };
    const onChanged = (view: GroupView) => setGroups((list) => upsert(list, view));
    socket.on('connect', subscribe);
    socket.on('disconnect', () => setOnline(false));
    socket.on(S.groupChanged, onChanged);
    return () => {
      socket.off();
      socket.disconnect();
    };
  }, [socket, token]);

  return { socket, groups, online, upsert: (view: GroupView) => setGroups((l) => upsert(l, view)) };
}

export function upsert(list: readonly GroupView[], view: GroupView): GroupView[] {
  const i = list.findIndex((v) => v.group.id === view.group.id);
  if (i === -1) return [...list, view].sort((a, b) => a.group.atelierId.localeCompare(b.group.atelierId) || a.group.position - b.group.position);
  const next = list.slice();
  next[i] = view;
  return next;
}
