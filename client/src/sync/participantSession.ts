import { API, C, cleanPseudonym, cleanText, fitsLength, hasControlChars, IDEA_MAX, normalizeJoinCode, PSEUDONYM_MAX, S, type Atelier, type IdeaView, type JoinInfoResult, type JoinResult } from '@semis/shared';
import { createSocket, request, whenConnected, type SemisSocket } from './socket';
import { http } from './http';
import { Outbox, outcomeOf, type OutboxItem, type SendOutcome } from './outbox';
import { uuidv4 } from './uuid';
import { loadSession, outboxKey, saveSession, type StoredSession } from './participantStore';
import { takeJoinInfo } from './joinInfo';
import type { ClientError } from './errors';

/** Errors after which a stored identity is useless: ask for a pseudonym again. */
const IDENTITY_LOST = new Set(['NOT_AUTHENTICATED', 'UNKNOWN_EVENT', 'UNKNOWN_CODE', 'FORBIDDEN']);
/** A post that timed out while still connected has no reconnect to trigger its resend. */
const RETRY_MS = 15_000;
/** socket.io's own heartbeat takes up to 45 s to notice a dead link; people notice sooner. */
export const HEARTBEAT_MS = 4000;
export const STALL_MS = 3000;

export type Outcome = { ok: true } | { ok: false; error: ClientError };

/** connecting: first attempt; online: the server answers; unstable: connected but the server
 * has not answered a heartbeat for a few seconds; offline: no connection. */
export type Connection = 'connecting' | 'online' | 'unstable' | 'offline';

export interface ParticipantState {
  session: StoredSession;
  infoError: ClientError | null;
  connection: Connection;
  /** The server knows who this connection is (join acknowledged). */
  joined: boolean;
  /** Blocked by the facilitators: the phone stops talking to the server. */
  blocked: boolean;
  error: { error: ClientError; text?: string } | null;
  pending: readonly OutboxItem[];
  /** The server's word on this phone's own ideas (acks and pushes). */
  views: ReadonlyMap<string, IdeaView>;
  /** The last idea the server acknowledged, for the *Idée envoyée* confirmation. */
  lastSent: { id: string; at: number } | null;
  /** The pseudonym was taken in this event: the server told this person apart. */
  renamed: { asked: string; given: string } | null;
  /** For screens with their own commands and pushes (votes); null while stopped. */
  socket: SemisSocket | null;
}

/**
 * Everything a participant's phone does with the server: identity, atelier, the outbox and
 * the ideas acknowledged but not yet seen in the board document. A plain store, like the
 * facilitator's, so screens subscribe with useSyncExternalStore and commands are methods.
 */
export class ParticipantSession {
  readonly code: string;
  private state: ParticipantState;
  private readonly listeners = new Set<() => void>();
  private readonly outbox: Outbox;
  private socket: SemisSocket | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private stopOutbox: (() => void) | null = null;
  private beatPending = false;
  /** The event fetch in flight, shared by whoever asks for it meanwhile. */
  private infoLoading: Promise<void> | null = null;
  /** The atelier this connection follows on the server (entered by a join or `atelier:enter`). */
  private enteredOnServer: string | null = null;

  constructor(rawCode: string) {
    this.code = normalizeJoinCode(rawCode);
    this.outbox = new Outbox(outboxKey(this.code));
    this.state = {
      session: loadSession(this.code),
      infoError: null,
      connection: 'connecting',
      joined: false,
      blocked: false,
      error: null,
      pending: this.outbox.list(),
      views: new Map(),
      lastSent: null,
      renamed: null,
      socket: null,
    };
  }

  getState = (): ParticipantState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Opens the connection; `stop` closes it. Both may be called again (React's strict mode). */
  start(): void {
    if (this.socket || this.state.blocked) return;
    const socket = createSocket();
    this.socket = socket;
    this.set({ socket });
    this.stopOutbox = this.outbox.subscribe(() => this.set({ pending: this.outbox.list() }));
    socket.on('connect', () => {
      this.set({ connection: 'online' });
      void this.handshake();
    });
    socket.on('connect_error', () => this.set({ connection: 'offline' }));
    socket.on('disconnect', () => {
      this.enteredOnServer = null;
      this.set({ connection: 'offline', joined: false });
    });
    socket.on(S.ideaChanged, (idea) => this.rememberViews([idea]));
    socket.on(S.atelierState, ({ atelier }) => this.updateAteliers([atelier]));
    socket.on(S.eventState, ({ timer }) => this.setSession((s) => (s.event ? { ...s, event: { ...s.event, timer } } : s)));
    socket.on(S.blocked, () => this.becomeBlocked());
    window.addEventListener('offline', this.onBrowserOffline);
    window.addEventListener('online', this.onBrowserOnline);
    this.timers = [setInterval(() => void this.heartbeat(), HEARTBEAT_MS), setInterval(() => this.outbox.list().length > 0 && void this.flush(), RETRY_MS)];
    void this.loadInfo();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    window.removeEventListener('offline', this.onBrowserOffline);
    window.removeEventListener('online', this.onBrowserOnline);
    this.stopOutbox?.();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.set({ socket: null, joined: false });
  }

  /** `atelierId`: an atelier to enter in the same round trip (a per-atelier QR poster). */
  join = async (pseudonym: string, atelierId?: string): Promise<Outcome> => {
    const clean = cleanPseudonym(pseudonym);
    if (!fitsLength(clean, 1, PSEUDONYM_MAX) || hasControlChars(pseudonym)) return { ok: false, error: { code: 'INVALID_PSEUDONYM' } };
    if (!this.socket) return { ok: false, error: { code: 'OFFLINE' } };
    // On a slow link the form (plain HTTP) is up seconds before the socket: wait for it, the
    // button saying *Connexion…*, rather than tell someone who is connecting they are offline.
    if (navigator.onLine !== false) await whenConnected(this.socket);
    const r = await request(this.socket, C.join, { code: this.code, pseudonym: clean, atelierId });
    if (!r.ok) return r;
    this.acceptJoin(r.data);
    // A newcomer has no ideas yet: entering is all there is to do.
    if (atelierId && r.data.participant.atelierId === atelierId) {
      this.enteredOnServer = atelierId;
      this.setSession((s) => ({ ...s, atelierId }));
    }
    const given = r.data.participant.pseudonym;
    this.set({ renamed: given !== clean ? { asked: clean, given } : null });
    void this.flush();
    return { ok: true };
  };

  /** Chosen locally first: the picker must work on a flaky network; the server hears it on reconnect. */
  enterAtelier = (atelierId: string): void => {
    this.setSession((s) => ({ ...s, atelierId }));
    this.set({ error: null, lastSent: null });
    // Entered by the join itself (a per-atelier QR code), or back after *changer d'atelier*.
    if (this.enteredOnServer !== atelierId) void this.enterOnServer(atelierId);
  };

  leaveAtelier = (): void => {
    this.setSession((s) => ({ ...s, atelierId: null }));
    this.set({ error: null, lastSent: null });
  };

  /** Into the outbox first (a reload or a dead network never eats it), then sent when the
   * server answers. */
  post = (text: string): Outcome => {
    const clean = cleanText(text);
    const atelierId = this.state.session.atelierId;
    if (!fitsLength(clean, 1, IDEA_MAX)) return { ok: false, error: { code: 'INVALID_IDEA_TEXT' } };
    if (!atelierId) return { ok: false, error: { code: 'NOT_JOINED' } };
    this.outbox.add({ id: uuidv4(), atelierId, text: clean, createdAt: new Date().toISOString() });
    this.set({ error: null, lastSent: null, renamed: null });
    void this.flush();
    return { ok: true };
  };

  edit = async (id: string, text: string): Promise<Outcome> => {
    const clean = cleanText(text);
    if (!fitsLength(clean, 1, IDEA_MAX)) return { ok: false, error: { code: 'INVALID_IDEA_TEXT' } };
    if (this.outbox.update(id, clean)) return { ok: true };
    const r = await this.changeOnServer(() => request(this.socket!, C.editIdea, { id, text: clean }));
    if (r.ok) this.rememberViews([r.data.idea]);
    return r.ok ? { ok: true } : r;
  };

  remove = async (id: string): Promise<Outcome> => {
    if (this.outbox.remove(id)) return { ok: true };
    const r = await this.changeOnServer(() => request(this.socket!, C.deleteIdea, { id }));
    if (!r.ok) return r;
    const prev = this.state.views.get(id);
    this.rememberViews([prev ? { ...prev, deleted: true } : deletedStub(id)]);
    return { ok: true };
  };

  clearError = (): void => this.set({ error: null });

  // ——— connection ———

  /** Public event info for the pseudonym form. Fetched once: from the home screen's check if it
   * just did it, else here; a phone that already joined gets it with its rejoin instead. */
  private loadInfo(): Promise<void> {
    // The first connect may land while the first fetch is still out: share it, never ask twice.
    this.infoLoading ??= this.fetchInfo().finally(() => (this.infoLoading = null));
    return this.infoLoading;
  }

  private async fetchInfo(): Promise<void> {
    if (this.state.session.token && this.state.session.event) return;
    const res = takeJoinInfo(this.code) ?? (await http<JoinInfoResult>(API.join(this.code)));
    if (res.ok) this.set({ infoError: null, session: this.saved({ ...this.state.session, event: res.data.event, ateliers: res.data.ateliers }) });
    else if (res.error.code !== 'NETWORK' || !this.state.session.event) this.set({ infoError: res.error });
  }

  /** Identity is per connection: after every (re)connect, join with the token and re-enter the
   * atelier in the same command (the board document is already opening beside it, with the
   * same token), then send whatever piled up while offline. */
  private async handshake(): Promise<void> {
    const socket = this.socket;
    const { token, atelierId } = this.state.session;
    if (!socket) return;
    // A first load on a dead network recovers by itself once the server answers.
    if (!token) return void (this.state.session.event ? undefined : this.loadInfo());
    const r = await request(socket, C.join, { token, code: this.code, atelierId: atelierId ?? undefined });
    if (!r.ok) {
      // A lost identity (e.g. the event was reset) just shows the pseudonym form again.
      if (IDENTITY_LOST.has(r.error.code)) this.setSession((s) => ({ ...s, token: null, participant: null }));
      else if (r.error.code === 'BLOCKED') this.becomeBlocked();
      else if (r.error.code === 'UNKNOWN_ATELIER') return this.forgetAtelier(r.error, () => this.handshake());
      else if (r.error.code !== 'OFFLINE') this.set({ error: { error: r.error } });
      return;
    }
    this.acceptJoin(r.data);
    if (atelierId && r.data.participant.atelierId === atelierId) this.enteredOnServer = atelierId;
    // The person may have picked another atelier meanwhile; entering it again is a no-op.
    const now = this.state.session.atelierId;
    if (now) await this.enterOnServer(now);
    await this.flush();
  }

  /** The atelier kept on the phone is not one of the event's (any more): back to the picker. */
  private async forgetAtelier(error: ClientError, then?: () => Promise<void>): Promise<void> {
    this.setSession((s) => ({ ...s, atelierId: null }));
    this.set({ error: { error } });
    await then?.();
  }

  private acceptJoin(data: JoinResult): void {
    this.setSession((s) => ({ ...s, token: data.token || s.token, participant: data.participant, event: data.event, ateliers: data.ateliers }));
    this.set({ joined: true, infoError: null });
  }

  /** A heartbeat with a short timeout: a link that is up but carries nothing (a stalled Wi-Fi,
   * a phone between two access points) shows as *connexion instable*, and ideas wait in the
   * outbox instead of timing out one by one. */
  private async heartbeat(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.beatPending) return;
    this.beatPending = true;
    try {
      await socket.timeout(STALL_MS).emitWithAck(C.timeSync, { t: Date.now() });
      const wasUnstable = this.state.connection === 'unstable';
      if (this.socket === socket && socket.connected) this.set({ connection: 'online' });
      if (wasUnstable) void this.flush();
    } catch {
      if (this.socket === socket && socket.connected) this.set({ connection: 'unstable' });
    } finally {
      this.beatPending = false;
    }
  }

  // A dead Wi-Fi can take socket.io's heartbeat ~45 s to notice; the browser knows at once.
  private onBrowserOffline = () => {
    this.set({ connection: 'offline' });
    this.socket?.io.engine?.close(); // socket.io then reconnects by itself, with backoff
  };

  private onBrowserOnline = () => {
    const socket = this.socket;
    if (!socket || socket.connected || this.state.blocked) return;
    socket.disconnect();
    socket.connect(); // don't wait for the backoff timer once the network is back
  };

  private async flush(): Promise<void> {
    const socket = this.socket;
    if (!socket || !this.state.joined || this.state.connection === 'unstable') return;
    const send = async (item: OutboxItem): Promise<SendOutcome> => {
      const r = await request(socket, C.postIdea, { id: item.id, atelierId: item.atelierId, text: item.text });
      if (!r.ok) return outcomeOf(r.error);
      this.rememberViews([r.data.idea]);
      this.set({ lastSent: { id: item.id, at: Date.now() } });
      return { kind: 'sent' };
    };
    await this.outbox.flush(send, (item, err) => this.set({ error: { error: err, text: item.text } }));
  }

  /** Enters the atelier on the server unless this connection already follows it (entered by
   * the join), then asks which of its ideas are this phone's. */
  private async enterOnServer(atelierId: string): Promise<void> {
    const socket = this.socket;
    if (!socket || !this.state.joined) return;
    if (this.enteredOnServer !== atelierId) {
      const r = await request(socket, C.enterAtelier, { atelierId });
      if (!r.ok) {
        if (r.error.code === 'BLOCKED') this.becomeBlocked();
        else if (r.error.code === 'UNKNOWN_ATELIER' || r.error.code === 'BAD_REQUEST') void this.forgetAtelier(r.error);
        return;
      }
      this.enteredOnServer = atelierId;
      this.updateAteliers([r.data.atelier]);
    }
    // With anonymity the board's cards carry no author: only the server can say which are ours.
    const mine = await request(socket, C.myIdeas, { atelierId });
    if (mine.ok) this.rememberViews(mine.data.ideas);
  }

  /** Edits and deletions are not queued: they need the server's answer to be shown honestly. */
  private async changeOnServer<T>(send: () => Promise<{ ok: true; data: T } | { ok: false; error: ClientError }>) {
    if (!this.socket?.connected || !this.state.joined) return { ok: false as const, error: { code: 'OFFLINE_CHANGE' as const } };
    const r = await send();
    if (!r.ok && r.error.code === 'OFFLINE') return { ok: false as const, error: { code: 'OFFLINE_CHANGE' as const } };
    return r;
  }

  /** The facilitators blocked this identity: forget it (a fresh join then shows why it is
   * refused) and stop reconnecting — retrying would only hammer the server. */
  private becomeBlocked(): void {
    this.setSession((s) => ({ ...s, token: null, participant: null, atelierId: null }));
    this.set({ blocked: true, joined: false });
    this.socket?.disconnect();
  }

  // ——— state ———

  private rememberViews(ideas: readonly IdeaView[]): void {
    this.set({ views: new Map([...this.state.views, ...ideas.map((i) => [i.id, i] as const)]) });
  }

  /** Phases, modes and timers are pushed by the server; the stored copy lets a reload show them offline. */
  private updateAteliers(changed: readonly Atelier[]): void {
    this.setSession((s) => ({ ...s, ateliers: s.ateliers.map((a) => changed.find((c) => c.id === a.id) ?? a) }));
  }

  private setSession(update: (s: StoredSession) => StoredSession): void {
    this.set({ session: this.saved(update(this.state.session)) });
  }

  private saved(s: StoredSession): StoredSession {
    saveSession(this.code, s);
    return s;
  }

  private set(patch: Partial<ParticipantState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }
}

function deletedStub(id: string): IdeaView {
  const now = new Date().toISOString();
  return { id, atelierId: '', text: '', createdAt: now, updatedAt: now, deleted: true, status: 'hidden', moderated: false };
}
