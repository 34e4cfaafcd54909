import { useState } from 'react';
import type { ClientError } from '../sync/errors';
import { errorOf } from './download';

/**
 * The export panel's forms: one request at a time, `busy` while it runs (and while `onOk` reads
 * the answer), the server's refusal or NETWORK as `error` otherwise.
 */
export function useRequest() {
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (url: string, init: RequestInit, onOk: (res: Response) => unknown): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(url, init);
      if (res.ok) await onOk(res);
      else setError(await errorOf(res));
    } catch {
      setError({ code: 'NETWORK' });
    }
    setBusy(false);
  };
  return { error, setError, busy, run };
}
