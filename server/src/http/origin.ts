import type { IncomingMessage } from 'node:http';

/**
 * Browsers always send Origin on WebSocket and cross-site requests: a page on another site must
 * not open socket.io or y-websocket connections to us (cross-site WebSocket hijacking). Allowed:
 * - no Origin header at all (native clients, scripts: they are not a victim's browser);
 * - the Host the request was sent to (the page was served by us, whatever address phones use),
 *   or X-Forwarded-Host when the proxy is trusted (TRUST_PROXY);
 * - PUBLIC_URL's origin, and each of ALLOWED_ORIGINS.
 * "null" (sandboxed frames, file: pages) and anything unparsable are refused.
 */
export interface OriginPolicy {
  publicUrl?: string;
  allowedOrigins?: readonly string[];
  trustProxy?: boolean | number | string;
}

export function originAllowed(origin: string | undefined, hosts: readonly (string | undefined)[], policy: OriginPolicy): boolean {
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

/** The check for an upgrade or socket.io handshake request (usable by the y-websocket server too). */
export function requestOriginAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const forwarded = policy.trustProxy ? one(req.headers['x-forwarded-host'])?.split(',')[0]?.trim() : undefined;
  return originAllowed(one(req.headers.origin), [one(req.headers.host), forwarded], policy);
}
