import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Pt } from '@semis/shared/posters';
import type { Peer } from './PresenceLayer';

const PEER_COLORS = ['#c0392b', '#1f5f8b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#b9770e'];
const THROTTLE_MS = 80;

/**
 * Group members share pointers and selections over Yjs awareness, throttled. Read-only viewers
 * (enabled = false) publish nothing — the server would drop it anyway.
 */
export function usePresence(awareness: Awareness | null, me: string, enabled: boolean) {
  const [peers, setPeers] = useState<Peer[]>([]);
  const pending = useRef<{ cursor?: Pt | null; selection?: string[] }>({});
  const timer = useRef<number | null>(null);
  const color = useMemo(() => PEER_COLORS[Math.floor(Math.random() * PEER_COLORS.length)]!, []);

  useEffect(() => {
    if (!awareness) return;
    if (enabled) awareness.setLocalState({ user: { name: me, color }, cursor: null, selection: [] });
    let frame = 0;
    let last = '';
    const read = () => {
      frame = 0;
      const list: Peer[] = [];
      awareness.getStates().forEach((raw, clientId) => {
        if (clientId === awareness.clientID) return;
        const s = raw as { user?: { name?: unknown; color?: unknown }; cursor?: { x?: unknown; y?: unknown } | null; selection?: unknown };
        if (typeof s.user?.name !== 'string') return;
        const c = s.cursor;
        const cursor = c && typeof c.x === 'number' && typeof c.y === 'number' && Number.isFinite(c.x) && Number.isFinite(c.y) ? { x: c.x, y: c.y } : null;
        list.push({
          clientId,
          name: s.user.name.slice(0, 40),
          color: typeof s.user.color === 'string' && /^#[0-9a-f]{6}$/i.test(s.user.color) ? s.user.color : '#555555',
          cursor,
          selection: Array.isArray(s.selection) ? s.selection.filter((x): x is string => typeof x === 'string').slice(0, 500) : [],
        });
      });
      // Re-render only when what is shown changed (our own updates fire 'change' too).
      const key = JSON.stringify(list);
      if (key !== last) {
        last = key;
        setPeers(list);
      }
    };
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const others = [...added, ...updated, ...removed].some((id) => id !== awareness.clientID);
      if (others && !frame) frame = requestAnimationFrame(read);
    };
    awareness.on('change', onChange);
    read();
    return () => {
      awareness.off('change', onChange);
      if (frame) cancelAnimationFrame(frame);
      if (enabled) awareness.setLocalState(null);
    };
  }, [awareness, enabled, me, color]);

  const publish = useCallback(
    (patch: { cursor?: Pt | null; selection?: string[] }) => {
      if (!awareness || !enabled) return;
      Object.assign(pending.current, patch);
      if (timer.current !== null) return;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        const state = awareness.getLocalState() ?? {};
        const next = { ...state, ...pending.current };
        if (next.cursor) next.cursor = { x: Math.round(next.cursor.x), y: Math.round(next.cursor.y) };
        pending.current = {};
        awareness.setLocalState(next);
      }, THROTTLE_MS);
    },
    [awareness, enabled],
  );

  return { peers, publish };
}
