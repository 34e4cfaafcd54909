import { toClientError, type ClientError } from '../sync/errors';

/** A GET on an admin route, with the event's bearer token. */
export function bearer(token: string): RequestInit {
  return { headers: { Authorization: `Bearer ${token}` } };
}

/** A JSON body for an admin route, with the event's bearer token (and `headers`). */
export function adminJson(token: string, method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Fetches a file the server makes for a bearer token (a plain link could not carry it) and
 * saves it under the name the server gives, or `fallback`. */
export async function downloadFile(url: string, init: RequestInit, fallback: string): Promise<ClientError | null> {
  try {
    const res = await fetch(url, init);
    if (!res.ok) return errorOf(res);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
    const href = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return null;
  } catch {
    return { code: 'NETWORK' };
  }
}

export async function errorOf(res: Response): Promise<ClientError> {
  try {
    return toClientError(((await res.json()) as { error?: never }).error);
  } catch {
    return { code: res.status === 413 ? 'PAYLOAD_TOO_LARGE' : res.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNKNOWN' };
  }
}
