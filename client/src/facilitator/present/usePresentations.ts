import { useCallback, useEffect, useState } from 'react';
import { C, S, type CommandInput, type PresentState } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { request, type Result } from '../../sync/socket';
import { useSocketEvent } from '../../sync/useSocketEvent';

export interface Presentations {
  byAtelier: ReadonlyMap<string, PresentState>;
  /** The presentation started or stepped last: what the projector follows. */
  latest: PresentState | null;
  send: (p: CommandInput<typeof C.present>) => Promise<Result<{ state: PresentState | null }>>;
}

/**
 * *Présenter* as the server decides it: asked once per atelier on every (re)connection, then
 * kept from present:state pushes. Console and projector use the same hook.
 */
export function usePresentations(session: FacilitatorSession | null, ready: boolean, atelierIds: readonly string[]): Presentations {
  const [byAtelier, setByAtelier] = useState<ReadonlyMap<string, PresentState>>(new Map());
  const [latestId, setLatestId] = useState<string | null>(null);
  const socket = session?.socket ?? null;
  const key = atelierIds.join(',');

  const apply = useCallback((atelierId: string, state: PresentState | null, fresh: boolean) => {
    setByAtelier((m) => {
      const next = new Map(m);
      if (state) next.set(atelierId, state);
      else next.delete(atelierId);
      return next;
    });
    if (state && fresh) setLatestId(atelierId);
  }, []);

  useEffect(() => {
    if (!socket || !ready) return;
    let live = true;
    for (const atelierId of key ? key.split(',') : []) {
      void request(socket, C.present, { action: 'get', atelierId }).then((r) => live && r.ok && apply(atelierId, r.data.state, false));
    }
    return () => {
      live = false;
    };
  }, [socket, ready, key, apply]);

  useSocketEvent(socket, S.present, ({ atelierId, state }) => apply(atelierId, state, true));

  const send = useCallback(
    async (p: CommandInput<typeof C.present>) => {
      if (!socket) return { ok: false as const, error: { code: 'OFFLINE' as const } };
      const r = await request(socket, C.present, p);
      if (r.ok && p.action !== 'get') apply(p.atelierId, r.data.state, true);
      return r;
    },
    [socket, apply],
  );

  const latest = (latestId ? byAtelier.get(latestId) : undefined) ?? byAtelier.values().next().value ?? null;
  return { byAtelier, latest, send };
}
