import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WS_CLOSE } from '@semis/shared';
import type { BoardRoom, ClientOrigin, RoomListener, UpdateBatch } from './room';
import { TokenBucket } from '../limits/tokenBucket';
import type { SubjectBudget } from './budget';
import { decodeAwareness, encodeAwareness, type AwarenessLimits } from './awareness';
import { admitSiblings } from './siblings';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

export interface ConnectionLimits {
  /** Largest document a writer may grow the board to (its encoded state, not its history). */
  maxDocBytes: number;
  /** Token bucket: burst size and refill per second, in messages. */
  burst: number;
  perSecond: number;
  /** Bytes of updates one connection may leave waiting on missing dependencies (clock gaps). */
  maxPendingBytes: number;
  /** The same, for everything a board holds back at once, all connections together. */
  maxDocPendingBytes: number;
  awareness: AwarenessLimits;
  /** Bytes queued on a socket past which it gets no more updates until it drains below
   * `lowWaterBytes`; then one merged catch-up replaces everything it missed. */
  highWaterBytes: number;
  lowWaterBytes: number;
}

function aheadOf(client: Map<number, number>, doc: Y.Doc): boolean {
  // A phone that joins has nothing: no need to encode the board's state vector for it.
  if (client.size === 0) return false;
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [id, clock] of client) if (clock > (ours.get(id) ?? 0)) return true;
  return false;
}

/** A state vector at or below both: a diff from it covers what either asked for. */
function lowerStateVector(a: Uint8Array, b: Uint8Array): Uint8Array {
  const [x, y] = [Y.decodeStateVector(a), Y.decodeStateVector(b)];
  const low = new Map<number, number>();
  for (const [client, clock] of x) if (y.has(client)) low.set(client, Math.min(clock, y.get(client)!));
  return Y.encodeStateVector(low);
}

/** SyncStep2 messages by the diff they carry. The room encodes the stored document once per
 * version for clients that have nothing (every phone that joins): framed once too, a thousand
 * phones joining a board get the same bytes instead of a thousand copies of the board. */
const framedDiffs = new WeakMap<Uint8Array, Uint8Array>();

function syncStep2(diff: Uint8Array): Uint8Array {
  let framed = framedDiffs.get(diff);
  if (!framed) {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    encoding.writeVarUint(enc, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(enc, diff);
    framed = encoding.toUint8Array(enc);
    framedDiffs.set(diff, framed);
  }
  return framed;
}

/** Closes the connection with this WebSocket code and reason. */
class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * One y-websocket client on one board. Readers get SyncStep1 answered and every update;
 * their SyncStep2/Update and awareness messages are dropped, so a read-only client's
 * local edits never reach the document or anyone else.
 */
export class YjsConnection implements RoomListener, ClientOrigin {
  readonly fromClient = true;
  private readonly awarenessIds = new Set<number>();
  private readonly messages: TokenBucket;
  private readonly awarenessRate: TokenBucket;
  /** Bytes this connection added to what the document holds back (never decreases). */
  private pendingAdded = 0;
  private closed = false;
  /** Set while the socket is too far behind: the state vector to catch it up from. */
  private behindFrom: Uint8Array | null = null;
  private missedAwareness = false;
  /** Answered the last ping (heartbeat). */
  private alive = true;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: BoardRoom,
    readonly canWrite: boolean,
    private readonly limits: ConnectionLimits,
    private readonly budget: SubjectBudget,
    private readonly log: (msg: string) => void,
    private readonly onClose: () => void,
  ) {
    this.messages = new TokenBucket(limits);
    this.awarenessRate = new TokenBucket(limits.awareness);
    room.listeners.add(this);
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('close', () => this.cleanup());
    ws.on('error', () => this.cleanup());
    ws.on('pong', () => (this.alive = true));
    this.greet();
  }

  /** Called every heartbeat period: a socket that did not answer the previous ping is dead
   * (or stalled) and is dropped, freeing what was queued for it. */
  heartbeat(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.ws.terminate();
      return this.cleanup();
    }
    this.alive = false;
    this.ws.ping();
  }

  /** Too much queued for this socket: nothing more until it drains (then one catch-up). */
  private get congested(): boolean {
    return this.ws.bufferedAmount > this.limits.highWaterBytes;
  }

  /** Bytes queued for this socket, not yet handed to the kernel. */
  get buffered(): number {
    return this.ws.bufferedAmount;
  }

  get boardId(): string {
    return this.room.boardId;
  }

  private greet(): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(enc, this.room.doc);
    this.send(encoding.toUint8Array(enc));
    this.sendAllAwareness();
  }

  private sendAllAwareness(): void {
    const states = [...this.room.awareness.getStates().keys()];
    if (states.length === 0) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, states));
    this.send(encoding.toUint8Array(enc));
  }

  sendUpdate(batch: UpdateBatch): void {
    if (batch.origins.size === 1 && batch.origins.has(this)) return;
    if (this.behindFrom) return;
    if (this.congested) {
      this.behindFrom = batch.before;
      return;
    }
    this.send(batch.frame);
  }

  sendAwareness(_update: Uint8Array, frame: Uint8Array): void {
    if (this.behindFrom || this.congested) {
      this.missedAwareness = true;
      return;
    }
    this.send(frame);
  }

  /** Once a lagging socket has drained: everything it missed, as one diff. */
  private catchUp(): void {
    if (this.closed || this.ws.bufferedAmount > this.limits.lowWaterBytes) return;
    const from = this.behindFrom;
    this.behindFrom = null;
    if (from) this.send(syncStep2(this.room.encodeStoredDiff(from)));
    if (this.missedAwareness) {
      this.missedAwareness = false;
      this.sendAllAwareness();
    }
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.messages.take() || !this.budget.take(data.byteLength)) {
      return this.close(WS_CLOSE.RATE_LIMITED, 'rate limited');
    }
    if (!isBinary) return this.close(WS_CLOSE.MALFORMED, 'binary messages only');
    try {
      const reply = this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (reply) this.send(reply);
    } catch (err) {
      if (err instanceof Refusal) return this.close(err.code, err.reason);
      // Malformed bytes throw from the decoders; anything else is a bug. Either way only this
      // connection ends, and the board carries on.
      this.log(`board ${this.boardId}: connection closed on a bad message: ${String(err)}`);
      this.close(WS_CLOSE.MALFORMED, 'malformed message');
    }
  }

  /** Returns the bytes to answer with, if any. Throws on a malformed message. */
  private handle(message: Uint8Array): Uint8Array | null {
    const dec = decoding.createDecoder(message);
    const enc = encoding.createEncoder();
    const type = decoding.readVarUint(dec);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(dec);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const sv = decoding.readVarUint8Array(dec);
          // A reader has nothing to send us, so holding what we lack means it saw an edit we
          // then lost (a crash): it must start again from our state, the truth.
          if (!this.canWrite && aheadOf(Y.decodeStateVector(sv), this.room.doc)) throw new Refusal(WS_CLOSE.RESYNC, 'document ahead of the server');
          // Not read yet what it was sent: answered by the catch-up once drained, not queued
          // (each answer is the board; a client asking without reading piled up 100 MB/s).
          if (this.congested) {
            this.behindFrom = this.behindFrom ? lowerStateVector(this.behindFrom, sv) : sv;
            return null;
          }
          return syncStep2(this.room.encodeStoredDiff(sv));
        }
        if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(dec);
          if (this.canWrite) this.applyUpdate(update);
          return null;
        }
        throw new Error(`unknown sync message ${syncType}`);
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(dec);
        if (this.canWrite) this.applyAwareness(update);
        return null;
      }
      case MESSAGE_QUERY_AWARENESS: {
        if (this.congested) {
          this.missedAwareness = true;
          return null;
        }
        const states = [...this.room.awareness.getStates().keys()];
        encoding.writeVarUint(enc, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, states));
        return encoding.toUint8Array(enc);
      }
      case MESSAGE_AUTH:
        return null;
      default:
        throw new Error(`unknown message ${type}`);
    }
  }

  private applyUpdate(update: Uint8Array): void {
    const { room, limits } = this;
    if (!room.fits(update.length, limits.maxDocBytes)) throw new Refusal(WS_CLOSE.DOC_TOO_LARGE, 'document too large');
    // Many items at one place cost their square to integrate: refused before Yjs sees them.
    if (!admitSiblings(room.doc, update)) throw new Refusal(WS_CLOSE.MALFORMED, 'too many concurrent inserts at one place');
    const before = room.pendingBytes;
    Y.applyUpdate(room.doc, update, this);
    const after = room.pendingBytes;
    if (after <= before) return;
    // Structs whose dependencies never came are held by Yjs outside the document: count them,
    // and stop a client that piles them up rather than let them grow without bound.
    this.pendingAdded += after - before;
    if (this.pendingAdded > limits.maxPendingBytes || after > limits.maxDocPendingBytes) {
      room.dropPending();
      throw new Refusal(WS_CLOSE.MISSING_DEPENDENCIES, 'update depends on data the server lacks');
    }
  }

  /** Applies the entries this connection may speak for: its own client ids (a few), states of
   * bounded size; a flood beyond the rate is dropped. */
  private applyAwareness(update: Uint8Array): void {
    const { room, limits } = this;
    const entries = decodeAwareness(update);
    if (!this.awarenessRate.take()) return;
    const owners = room.awarenessOwners;
    // Ids this connection speaks for, counting those a message claims as it is read: else one
    // message could claim any number of new ids at once.
    const claimed = new Set(this.awarenessIds);
    const accepted = entries.filter((e) => {
      if (e.json.length > limits.awareness.stateBytes) return false;
      const owner = owners.get(e.clientId);
      if (owner !== undefined && owner !== this) return false;
      if (claimed.has(e.clientId)) return true;
      if (claimed.size >= limits.awareness.statesPerConnection) return false;
      claimed.add(e.clientId);
      return true;
    });
    for (const e of accepted) {
      if (e.gone) {
        this.awarenessIds.delete(e.clientId);
        owners.delete(e.clientId);
      } else {
        this.awarenessIds.add(e.clientId);
        owners.set(e.clientId, this);
      }
    }
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(room.awareness, encodeAwareness(accepted), this);
  }

  private send(bytes: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(bytes, (err) => {
      if (err) return this.cleanup();
      if (this.behindFrom || this.missedAwareness) this.catchUp();
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.cleanup();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.room.listeners.delete(this);
    for (const id of this.awarenessIds) if (this.room.awarenessOwners.get(id) === this) this.room.awarenessOwners.delete(id);
    if (this.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessIds], this);
    this.onClose();
  }
}
