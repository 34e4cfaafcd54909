import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '@semis/shared';
import { toClientError, type ClientError } from './errors';

export type SemisSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const ACK_TIMEOUT_MS = 8000;

export function createSocket(): SemisSocket {
  return io({
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    // Randomised backoff so 150 phones coming back from a Wi-Fi drop don't retry in lockstep.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 8000,
    randomizationFactor: 0.5,
  });
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
