import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { PEER_ORIGIN, type BoardRoom, type RoomListener } from '../yjs/room';

const UPDATE = 0;
const AWARENESS = 1;
/** "Here is my state vector: send me what I lack, and tell me yours" — sent on load and after
 * Redis reconnects, so both sides catch up whatever pub/sub dropped. */
const SYNC_REQUEST = 2;
/** Answer to a state vector: the updates its sender lacks. */
const SYNC_REPLY = 3;
/** "Here is my state vector: send me what I lack" — answers a SYNC_REQUEST without asking back. */
const SYNC_VECTOR = 4;

const MAX_PEER_PENDING = 1024 * 1024;

const channelOf = (boardId: string) => `semis:board:${boardId}`;

/**
 * Keeps the replicas of a board in several server processes in step through one Redis
 * channel per board. Pub/sub may drop messages during a Redis blip, so every process asks
 * its peers for what it lacks (Yjs state vectors) whenever it (re)subscribes: nothing is
 * lost for good, and every update is also in the shared database.
 */
export class BoardRelay {
  readonly processId = randomUUID();
  private readonly rooms = new Map<string, { room: BoardRoom; listener: RoomListener }>();

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly log: (m: string) => void,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    // After a reconnection ioredis resubscribes by itself; we only need to catch up.
    sub.on('ready', () => {
      for (const { room } of this.rooms.values()) this.requestSync(room);
    });
  }

  async attach(room: BoardRoom): Promise<void> {
    const listener: RoomListener = {
      // A batch is sent once stored; one made only of peers' updates is theirs to relay.
      sendUpdate: (batch) => {
        if (batch.origins.size > 1 || !batch.origins.has(PEER_ORIGIN)) this.publish(room.boardId, UPDATE, batch.update);
      },
      sendAwareness: (update, _frame, origin) => {
        if (origin !== PEER_ORIGIN) this.publish(room.boardId, AWARENESS, update);
      },
    };
    this.rooms.set(room.boardId, { room, listener });
    room.listeners.add(listener);
    await this.sub.subscribe(channelOf(room.boardId));
    this.requestSync(room);
  }

  async detach(room: BoardRoom): Promise<void> {
    const entry = this.rooms.get(room.boardId);
    if (!entry || entry.room !== room) return;
    this.rooms.delete(room.boardId);
    room.listeners.delete(entry.listener);
    await this.sub.unsubscribe(channelOf(room.boardId)).catch(() => {});
  }

  private requestSync(room: BoardRoom): void {
    this.publish(room.boardId, SYNC_REQUEST, Y.encodeStateVector(room.doc));
  }

  private publish(boardId: string, kind: number, payload: Uint8Array, target = ''): void {
    const enc = encoding.createEncoder();
    encoding.writeVarString(enc, this.processId);
    encoding.writeVarUint(enc, kind);
    encoding.writeVarString(enc, target);
    encoding.writeVarUint8Array(enc, payload);
    this.pub.publish(channelOf(boardId), Buffer.from(encoding.toUint8Array(enc))).catch((err: unknown) => this.log(`redis publish failed: ${String(err)}`));
  }

  private onMessage(channel: string, message: Buffer): void {
    const entry = this.rooms.get(channel.slice('semis:board:'.length));
    if (!entry) return;
    const { room } = entry;
    try {
      const dec = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      const from = decoding.readVarString(dec);
      if (from === this.processId) return;
      const kind = decoding.readVarUint(dec);
      const target = decoding.readVarString(dec);
      const payload = decoding.readVarUint8Array(dec);
      if (target && target !== this.processId) return;
      if (kind === UPDATE || kind === SYNC_REPLY) this.applyPeerUpdate(room, payload);
      else if (kind === AWARENESS) awarenessProtocol.applyAwarenessUpdate(room.awareness, payload, PEER_ORIGIN);
      else if (kind === SYNC_REQUEST || kind === SYNC_VECTOR) {
        // Only what this process stored: a card whose commit is still out must not reach a peer
        // that is reading the database to decide which cards to show.
        const diff = room.encodeStoredDiff(payload);
        // An empty diff is 2 bytes (no structs, empty delete set): nothing worth sending.
        if (diff.length > 2) this.publish(room.boardId, SYNC_REPLY, diff, from);
        if (kind === SYNC_REQUEST) this.publish(room.boardId, SYNC_VECTOR, Y.encodeStateVector(room.doc), from);
      }
    } catch (err) {
      this.log(`board ${room.boardId}: bad relay message ignored: ${String(err)}`);
    }
  }

  /** Peers relay only what they stored, in order; should something still arrive ahead of what
   * it depends on and pile up, drop it and ask the peers for what we lack instead. */
  private applyPeerUpdate(room: BoardRoom, update: Uint8Array): void {
    Y.applyUpdate(room.doc, update, PEER_ORIGIN);
    if (room.pendingBytes > MAX_PEER_PENDING) {
      room.dropPending();
      this.requestSync(room);
    }
  }
}
