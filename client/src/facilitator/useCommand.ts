import { useCallback, useState } from 'react';
import type { ClientToServerEvents } from '@semis/shared';
import type { FacilitatorSession } from '../sync/facilitatorSession';
import type { Result } from '../sync/socket';
import type { ClientError } from '../sync/errors';

type Cmd = keyof ClientToServerEvents;

/** A facilitator command with its own busy flag and last error, for one control group. */
export function useCommand(session: FacilitatorSession | null) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const run = useCallback(
    async <E extends Cmd>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<Result<unknown>> => {
      if (!session) return { ok: false, error: { code: 'OFFLINE' } };
      setBusy(true);
      const r = await session.command(event, payload);
      setBusy(false);
      setError(r.ok ? null : r.error);
      return r;
    },
    [session],
  );
  return { run, busy, error, setError };
}
