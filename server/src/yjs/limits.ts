import type { ConnectionLimits } from './connection';
import type { SubjectLimits } from './budget';

const KiB = 1024;
const MiB = 1024 * KiB;

/** One frame (ws `maxPayload`). */
export const MAX_YJS_MESSAGE = 1 * MiB;
/** A board's encoded state (what a new reader downloads), not its history. */
export const MAX_DOC_BYTES = 16 * MiB;

/** Every limit of docs/protocol.md's y-websocket section, in one place. */
export const CONNECTION_LIMITS: ConnectionLimits = {
  maxDocBytes: MAX_DOC_BYTES,
  burst: 300,
  perSecond: 100,
  maxPendingBytes: 64 * KiB,
  maxDocPendingBytes: 256 * KiB,
  awareness: { statesPerConnection: 4, stateBytes: 32 * KiB, burst: 30, perSecond: 15 },
  highWaterBytes: 256 * KiB,
  lowWaterBytes: 64 * KiB,
};

/** Ping period; a connection that has not answered the previous ping is closed. */
export const HEARTBEAT_MS = 30_000;

/** A participant draws on its group's boards; an event's facilitators (one subject for the
 * whole team) may have every board open at once. */
export function subjectLimits(role: string): SubjectLimits {
  return role === 'participant'
    ? { connections: 16, bytesBurst: 4 * MiB, bytesPerSecond: 256 * KiB, messagesBurst: 600, messagesPerSecond: 200 }
    : { connections: 512, bytesBurst: 16 * MiB, bytesPerSecond: 1 * MiB, messagesBurst: 3000, messagesPerSecond: 1000 };
}
