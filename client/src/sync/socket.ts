import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, SOCKET_PATH, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '@semis/shared';
import { toClientError, type ClientError } from './errors';
import { markOutdated } from './protocol';

export type SemisSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const ACK_TIMEOUT_MS = 8000;

export function createSocket(): SemisSocket {
  const socket: SemisSocket = io({
    path: SOCKET_PATH,
    auth: { protocol: PROTOCOL_VERSION },
    // A WebSocket straight away (no long-polling first, then an upgrade: one handshake per
    // phone, not three requests); where a network refuses WebSockets (some proxies, captive
    // portals), that attempt falls back to long-polling, so the phone still joins and posts.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    forceNew: true,
    // Randomised backoff so 150 phones coming back from a Wi-Fi drop don't retry in lockstep.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 8000,
    randomizationFactor: 0.5,
  });
  // The server runs another protocol version: retrying cannot help, reloading the page does.
  socket.on('connect_error', (err) => {
    if ((err as Error & { data?: { code?: string } }).data?.code !== 'PROTOCOL_MISMATCH') return;
    socket.io.reconnection(false);
    markOutdated();
  });
  return socket;
}

type Params<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>;
type AckData<E extends keyof ClientToServerEvents> = Params<E>[1] extends (r: Ack<infer T>) => void ? T : never;

export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError };

/** One command with an acknowledgement. Never emits while disconnected: socket.io would buffer
 * the packet and replay it on reconnect, on top of our own outbox resend. */
export async function request<E extends keyof ClientToServerEvents>(
  socket: SemisSocket,
  event: E,
  payload: Params<E>[0],
): Promise<Result<AckData<E>>> {
  if (!socket.connected) return { ok: false, error: { code: 'OFFLINE' } };
  try {
    // The generic signature of emitWithAck cannot follow our mapped event type; the cast is local.
    const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck: (e: E, p: Params<E>[0]) => Promise<Ack<AckData<E>>>;
    };
    const ack = await timed.emitWithAck(event, payload);
    if (ack?.ok) return { ok: true, data: ack.data };
    return { ok: false, error: toClientError(ack?.error) };
  } catch {
    return { ok: false, error: { code: socket.connected ? 'TIMEOUT' : 'OFFLINE' } };
  }
}

/** Resolves true once the socket is connected, false after `ms`: for a step the person waits on
 * (joining) while a slow link is still opening its socket. */
export function whenConnected(socket: SemisSocket, ms: number = ACK_TIMEOUT_MS): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      resolve(ok);
    };
    const onConnect = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    socket.on('connect', onConnect);
  });
}
