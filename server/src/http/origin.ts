import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket (or socket.io) handshake may come from the page that opened it.
 *
 * Browsers always send `Origin` on WebSocket handshakes, and a page from another site could
 * otherwise drive a visitor's socket. Allowed: the origin we are served from (the request's
 * `Host`, whatever the scheme, since TLS usually ends at a proxy) and `PUBLIC_URL`'s origin.
 * Clients that send no `Origin` at all are not browsers (the documented protocol clients,
 * scripts, tests): tokens, not origins, authenticate them, so they are let through.
 */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque "null" origin of sandboxed frames and file:// pages
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = req.headers.host;
  if (typeof host === 'string' && parsed.host === host.toLowerCase()) return true;
  if (!publicUrl) return false;
  try {
    return new URL(publicUrl).origin === parsed.origin;
  } catch {
    return false;
  }
}
