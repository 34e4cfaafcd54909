import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WS_CLOSE } from '@semis/shared';
import type { BoardRoom, RoomListener } from './room';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

export interface ConnectionLimits {
  /** Largest document a writer may grow the board to. */
  maxDocBytes: number;
  /** Token bucket: burst size and refill per second, in messages. */
  burst: number;
  perSecond: number;
}

/**
 * One y-websocket client on one board. Readers get SyncStep1 answered and every update;
 * their SyncStep2/Update and awareness messages are dropped, so a read-only client's
 * local edits never reach the document or anyone else.
 */
export class YjsConnection implements RoomListener {
  private readonly awarenessIds = new Set<number>();
  private tokens: number;
  private lastRefill = Date.now();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: BoardRoom,
    readonly canWrite: boolean,
    private readonly limits: ConnectionLimits,
    private readonly onClose: () => void,
  ) {
    this.tokens = limits.burst;
    room.listeners.add(this);
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('close', () => this.cleanup());
    ws.on('error', () => this.cleanup());
    this.greet();
  }

  get boardId(): string {
    return this.room.boardId;
  }

  private greet(): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(enc, this.room.doc);
    this.send(encoding.toUint8Array(enc));
    const states = [...this.room.awareness.getStates().keys()];
    if (states.length > 0) this.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, states), null);
  }

  sendUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeUpdate(enc, update);
    this.send(encoding.toUint8Array(enc));
  }

  sendAwareness(update: Uint8Array, _origin: unknown): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(enc, update);
    this.send(encoding.toUint8Array(enc));
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.takeToken()) return this.close(WS_CLOSE.RATE_LIMITED, 'rate limited');
    if (!isBinary) return this.close(WS_CLOSE.MALFORMED, 'binary messages only');
    try {
      const reply = this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (reply) this.send(reply);
    } catch {
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
        encoding.writeVarUint(enc, MESSAGE_SYNC);
        const syncType = decoding.readVarUint(dec);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          syncProtocol.readSyncStep1(dec, enc, this.room.doc);
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(dec);
          if (!this.canWrite) return null;
          if (this.room.approxSize + update.length > this.limits.maxDocBytes) {
            this.close(WS_CLOSE.DOC_TOO_LARGE, 'document too large');
            return null;
          }
          Y.applyUpdate(this.room.doc, update, this);
          return null;
        } else {
          throw new Error(`unknown sync message ${syncType}`);
        }
        return encoding.length(enc) > 1 ? encoding.toUint8Array(enc) : null;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(dec);
        if (!this.canWrite) return null;
        this.trackAwareness(update);
        awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
        return null;
      }
      case MESSAGE_QUERY_AWARENESS: {
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

  /** Remembers which awareness clients this socket speaks for, to remove them when it leaves. */
  private trackAwareness(update: Uint8Array): void {
    const dec = decoding.createDecoder(update);
    const n = decoding.readVarUint(dec);
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(dec);
      decoding.readVarUint(dec); // clock
      const state = JSON.parse(decoding.readVarString(dec)) as unknown;
      if (state === null) this.awarenessIds.delete(clientId);
      else this.awarenessIds.add(clientId);
    }
  }

  private takeToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.limits.perSecond);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private send(bytes: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(bytes, (err) => err && this.cleanup());
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
    if (this.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessIds], this);
    this.onClose();
  }
}

