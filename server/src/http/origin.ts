import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket (or socket.io) handshake may come from the page that opened it.
 *
 * Browsers always send `Origin` on WebSocket handshakes, and a page from another site could
 * otherwise drive a visitor's socket (cross-site WebSocket hijacking). Allowed:
 * - no `Origin` header at all: not a browser (the documented protocol clients, scripts, tests);
 *   tokens, not origins, authenticate them;
 * - the `Host` the request was sent to (the page was served by us, whatever the scheme, since
 *   TLS usually ends at a proxy), or `X-Forwarded-Host` when the proxy is trusted (TRUST_PROXY);
 * - `PUBLIC_URL`'s origin, and each of `ALLOWED_ORIGINS`.
 * The opaque "null" origin (sandboxed frames, file: pages), other schemes and anything
 * unparsable are refused.
 */
export interface OriginPolicy {
  publicUrl?: string;
  allowedOrigins?: readonly string[];
  trustProxy?: boolean | number | string;
}

/** The check on a handshake request; a bare string is taken as PUBLIC_URL. */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, policy: OriginPolicy | string = {}): boolean {
  const p = typeof policy === 'string' ? { publicUrl: policy } : policy;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const forwarded = p.trustProxy ? one(req.headers['x-forwarded-host'])?.split(',')[0]?.trim() : undefined;
  const origin = req.headers.origin;
  if (origin !== undefined && typeof origin !== 'string') return false;
  return originMatches(origin, [one(req.headers.host), forwarded], p);
}

/** The pure rule: `origin` as sent, `hosts` the request was addressed to. */
export function originMatches(origin: string | undefined, hosts: readonly (string | undefined)[], policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (hosts.some((h) => h !== undefined && h.toLowerCase() === url.host)) return true;
  const allowed = [policy.publicUrl, ...(policy.allowedOrigins ?? [])].flatMap((o) => {
    try {
      return o ? [new URL(o).origin] : [];
    } catch {
      return [];
    }
  });
  return allowed.includes(url.origin);
}
