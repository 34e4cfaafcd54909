import { logger } from '../logger';

/**
 * Most bytes a socket.io connection may have waiting to be sent before it is closed. Output is
 * made by the server (acks, pushes) and sent as fast as the client reads: a client that stops
 * reading (on purpose, or a phone frozen in a pocket) would otherwise have every ack and push
 * kept in memory for it, for as long as it answers pings — and a facilitator's `mod:ideas` on a
 * big wall is megabytes, a hundred times a second. Well above the largest answer (a wall of
 * 5,000 ideas listed for moderation, a few MiB), so a slow but living link is never cut.
 */
export const MAX_PENDING_OUTPUT = 8 * 1024 * 1024;

/** The parts of engine.io's connection we read (its `writeBuffer` is untyped). */
interface EngineConn {
  on(event: 'packetCreate', fn: (packet: { data?: unknown }) => void): void;
  on(event: 'flush', fn: (packets: { data?: unknown }[]) => void): void;
  on(event: 'close', fn: () => void): void;
  close(discard?: boolean): void;
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
}

const size = (data: unknown) => (typeof data === 'string' || Buffer.isBuffer(data) ? data.length : 0);

/**
 * Closes the connection once its unsent output passes `max`: the packets engine.io holds while
 * the transport is busy, plus what the WebSocket itself has not handed to the kernel. Counted as
 * packets come and go (never by walking the queue), so checking costs nothing per packet. The
 * client reconnects and joins again, as after any network loss (docs/protocol.md); memory per
 * connection stays below `max` plus one message.
 */
export function guardOutput(conn: EngineConn, max = MAX_PENDING_OUTPUT): void {
  let queued = 0;
  let closed = false;
  conn.on('flush', (packets) => {
    for (const p of packets) queued -= size(p.data);
  });
  conn.on('close', () => {
    closed = true;
  });
  conn.on('packetCreate', (packet) => {
    queued += size(packet.data);
    const transport = conn.transport;
    const pending = queued + (transport.name === 'websocket' ? (transport.socket?.bufferedAmount ?? 0) : 0);
    if (closed || pending <= max) return;
    closed = true;
    logger.warn({ pending, transport: transport.name }, 'socket.io: client not reading its output, connection closed');
    // A close handshake would wait behind the unread bytes: the transport is cut at once.
    if (transport.name === 'websocket' && transport.socket?.terminate) transport.socket.terminate();
    else conn.close(true);
  });
}
