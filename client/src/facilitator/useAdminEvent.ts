import { useCallback, useEffect, useState } from 'react';
import { API, type AdminEventResult, type Atelier } from '@semis/shared';
import { http } from '../sync/http';
import { storage, ADMIN_TOKEN_KEY } from '../sync/storage';
import type { ClientError } from '../sync/errors';

/**
 * The admin token arrives in the URL fragment (never sent to servers or logs). Take it once,
 * keep it on this device, and wipe it from the address bar so it isn't projected by accident.
 */
export function takeAdminTokenFromUrl(): string | null {
  const fromHash = decodeURIComponent(location.hash.replace(/^#/, '')).trim();
  if (fromHash) {
    storage.set(ADMIN_TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.get(ADMIN_TOKEN_KEY);
}

export type AdminState =
  | { kind: 'loading' }
  | { kind: 'noToken' }
  | { kind: 'error'; error: ClientError; unauthorized: boolean }
  | { kind: 'ready'; data: AdminEventResult };

export function useAdminEvent() {
  const [token] = useState(takeAdminTokenFromUrl);
  const [state, setState] = useState<AdminState>(token ? { kind: 'loading' } : { kind: 'noToken' });

  const load = useCallback(async () => {
    if (!token) return;
    const res = await http<AdminEventResult>(API.adminEvent, { token });
    if (res.ok) setState({ kind: 'ready', data: res.data });
    else setState({ kind: 'error', error: res.error, unauthorized: res.status === 401 || res.status === 403 });
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  const setAteliers = useCallback((ateliers: Atelier[]) => {
    setState((s) => (s.kind === 'ready' ? { kind: 'ready', data: { ...s.data, ateliers } } : s));
  }, []);

  return { token, state, reload: load, setAteliers };
}
