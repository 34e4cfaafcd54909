import net from 'node:net';

/**
 * A TCP proxy on loopback standing between a browser and a Semis server, for what Chromium's
 * network emulation does not reach: WebSocket traffic. Connections that ask for a WebSocket
 * upgrade go through a shared link with the given round trip and bandwidth (like one phone's
 * radio), and can be paused — data held, connection left open, as on a stalled Wi-Fi. Plain
 * HTTP passes straight through (the browser's own emulation throttles it). Every byte is counted.
 */
export interface ThrottleOptions {
  /** Round-trip time added to WebSocket traffic (half each way). */
  rttMs?: number;
  /** Bandwidth of the WebSocket link, each direction, in kbit/s. */
  kbps?: number;
  /** WebSocket handshakes to these paths are answered 403, as by a network that forbids them. */
  refuseWebSockets?: RegExp;
}

export interface ThrottleProxy {
  url: string;
  /** Holds every WebSocket byte (both ways) without closing anything. */
  pause(): void;
  resume(): void;
  /** Bytes carried so far: `http` and `ws`, `down` (server → browser) and `up`. */
  bytes(): { httpDown: number; httpUp: number; wsDown: number; wsUp: number };
  resetBytes(): void;
  close(): Promise<void>;
}

interface Link {
  freeAt: number;
}

export async function startThrottleProxy(target: string, opts: ThrottleOptions = {}): Promise<ThrottleProxy> {
  const { hostname, port } = new URL(target);
  const oneWay = (opts.rttMs ?? 0) / 2;
  const bytesPerMs = opts.kbps ? (opts.kbps * 1000) / 8 / 1000 : Infinity;
  const links = { down: { freeAt: 0 }, up: { freeAt: 0 } };
  const counts = { httpDown: 0, httpUp: 0, wsDown: 0, wsUp: 0 };
  let paused = false;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();

  /** Delivers a chunk after it crossed the link: queued behind earlier chunks, then delayed. */
  const carry = (link: Link, chunk: Buffer, write: () => void) => {
    const now = Date.now();
    const start = Math.max(now, link.freeAt);
    link.freeAt = start + chunk.length / bytesPerMs;
    const deliverAt = link.freeAt + oneWay;
    setTimeout(() => (paused ? held.push(write) : write()), Math.max(0, deliverAt - now));
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    let kind: 'http' | 'ws' | null = null;
    const send = (to: net.Socket, chunk: Buffer, dir: 'up' | 'down') => {
      if (kind === 'ws') {
        counts[dir === 'up' ? 'wsUp' : 'wsDown'] += chunk.length;
        carry(links[dir], chunk, () => to.destroyed || to.write(chunk));
      } else {
        counts[dir === 'up' ? 'httpUp' : 'httpDown'] += chunk.length;
        to.write(chunk);
      }
    };
    client.on('data', (chunk: Buffer) => {
      const head = chunk.toString('latin1');
      kind ??= /^upgrade:\s*websocket/im.test(head) ? 'ws' : 'http';
      if (kind === 'ws' && opts.refuseWebSockets?.test(head.split(' ')[1] ?? '')) {
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return upstream.destroy();
      }
      send(upstream, chunk, 'up');
    });
    upstream.on('data', (chunk: Buffer) => send(client, chunk, 'down'));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const write of held.splice(0)) write();
    },
    bytes: () => ({ ...counts }),
    resetBytes: () => {
      counts.httpDown = counts.httpUp = counts.wsDown = counts.wsUp = 0;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
