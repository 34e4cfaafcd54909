import type { ErrorBody } from '@semis/shared';
import { toClientError, type ClientError } from './errors';

export type HttpResult<T> = { ok: true; data: T } | { ok: false; error: ClientError; status: number };

/** fetch that always resolves: network failures and error bodies become ClientErrors. */
export async function http<T>(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return { ok: false, error: { code: 'NETWORK' }, status: 0 };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    /* empty or non-JSON body (e.g. a proxy error page) */
  }
  if (res.ok) return { ok: true, data: json as T };
  const body = (json as { error?: Partial<ErrorBody> } | null)?.error;
  const error = body ? toClientError(body) : fallbackError(res.status);
  return { ok: false, error, status: res.status };
}

function fallbackError(status: number): ClientError {
  if (status === 401) return { code: 'NOT_AUTHENTICATED' };
  if (status === 404) return { code: 'NOT_FOUND' };
  // A proxy's own 502/503/504 page means our server is unreachable, not that it failed.
  if (status >= 502 && status <= 504) return { code: 'NETWORK' };
  if (status >= 500) return { code: 'INTERNAL' };
  return { code: 'UNKNOWN' };
}
