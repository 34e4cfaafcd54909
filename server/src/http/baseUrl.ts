import type { NetworkInterfaceInfo } from 'node:os';

/** How phones in the room can reach the address put in links and QR codes:
 *  `public` (PUBLIC_URL), `lan` (this machine's address on the venue network) or `loopback`
 *  (only this machine: phones cannot join, and the console says so). */
export type Reach = 'public' | 'lan' | 'loopback';

export interface BaseUrl {
  url: string;
  reach: Reach;
}

export interface BaseUrlInput {
  /** PUBLIC_URL, without trailing slash. */
  publicUrl?: string;
  /** The request's protocol and Host header, when there is a request. */
  protocol?: string;
  host?: string;
  /** The address the server listens on (HOST) and its actual port. */
  listenHost: string;
  port: number;
  /** This machine's non-loopback IPv4 addresses, best first (see lanAddresses). */
  lan: readonly string[];
}

/**
 * The base URL put in join links and QR codes. Phones must be able to reach it, so a facilitator
 * browsing on `localhost` (as the README suggests) must not make the QR code say `localhost`.
 */
export function chooseBaseUrl(o: BaseUrlInput): BaseUrl {
  if (o.publicUrl) return { url: o.publicUrl.replace(/\/+$/, ''), reach: 'public' };
  const protocol = o.protocol === 'https' ? 'https' : 'http';
  // A Host header is the client's word: only a plain host[:port] is put in links.
  const host = o.host && /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(o.host) ? o.host : undefined;
  // The facilitator reached us by a name or address other than loopback: the room can too.
  if (host && !isLoopback(hostnameOf(host))) return { url: `${protocol}://${host}`, reach: 'lan' };
  const loopback = { url: `${protocol}://${host ?? withPort(o.listenHost === '0.0.0.0' || o.listenHost === '::' ? '127.0.0.1' : o.listenHost, o.port)}`, reach: 'loopback' as const };
  if (isLoopback(o.listenHost)) return loopback;
  // Bound to one address: that one. Bound to all: the best LAN address (phones talk to the
  // server directly, so its own port, not a dev proxy's).
  const lan = isWildcard(o.listenHost) ? o.lan[0] : o.listenHost;
  return lan ? { url: `http://${withPort(lan, o.port)}`, reach: 'lan' } : loopback;
}

/** Non-internal IPv4 addresses, private venue ranges first and container bridges last. */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found: { address: string; rank: number }[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const a of list ?? []) {
      if (a.internal || a.family !== 'IPv4' || a.address.startsWith('169.254.') || isLoopback(a.address)) continue;
      found.push({ address: a.address, rank: rank(name, a.address) });
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.address);
}

function rank(iface: string, address: string): number {
  if (/^(docker|br-|veth|virbr|vboxnet|vmnet|cni|flannel|tun|tap|wg|utun)/.test(iface)) return 4;
  if (address.startsWith('192.168.')) return 0;
  if (address.startsWith('10.')) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return 3;
}

export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h) || h === '::ffff:127.0.0.1';
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** `example.org:3000` → `example.org`; `[::1]:3000` → `::1`. */
function hostnameOf(host: string): string {
  const v6 = /^\[([^\]]+)\]/.exec(host);
  if (v6) return v6[1]!;
  return host.replace(/:\d+$/, '');
}

function withPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
