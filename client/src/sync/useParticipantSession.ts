import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { API, C, S, ideaTextSchema, normalizeJoinCode, pseudonymSchema, type Atelier, type IdeaView, type JoinInfoResult, type TimerState } from '@semis/shared';
import { createSocket, request, type SemisSocket } from './socket';
import { http } from './http';
import { Outbox, outcomeOf, type OutboxItem, type SendOutcome } from './outbox';
import { uuidv4 } from './uuid';
import { loadSession, outboxKey, saveSession, type StoredSession } from './participantStore';
import type { ClientError } from './errors';
import { useServerClock } from './serverClock';

/** Errors after which a stored identity is useless: ask for a pseudonym again. */
const IDENTITY_LOST = new Set(['NOT_AUTHENTICATED', 'UNKNOWN_EVENT', 'UNKNOWN_CODE', 'FORBIDDEN']);
const RETRY_MS = 15_000;

export type Outcome = { ok: true } | { ok: false; error: ClientError };

/**
 * Everything a participant's phone does with the server: identity, atelier, the outbox, and
 * ideas acknowledged by the server but not yet seen in the board document.
 */
export function useParticipantSession(rawCode: string) {
  const code = normalizeJoinCode(rawCode);
  const [session, setSessionState] = useState<StoredSession>(() => loadSession(code));
  const [infoError, setInfoError] = useState<ClientError | null>(null);
  // null while the first connection is attempted, so a reload doesn't flash the offline banner.
  const [online, setOnline] = useState<boolean | null>(null);
  const [joined, setJoined] = useState(false);
  const [error, setError] = useState<{ error: ClientError; text?: string } | null>(null);
  const outbox = useMemo(() => new Outbox(outboxKey(code)), [code]);
  const [pending, setPending] = useState<readonly OutboxItem[]>(() => outbox.list());
  const [views, setViews] = useState<ReadonlyMap<string, IdeaView>>(new Map());

  // Set once blocked by the facilitators: the phone stops talking to the server.
  const [blocked, setBlocked] = useState(false);
  const [socket, setSocket] = useState<SemisSocket | null>(null);
  useServerClock(socket);

  const socketRef = useRef<SemisSocket | null>(null);
  const sessionRef = useRef(session);
  const joinedRef = useRef(false);
  const blockedRef = useRef(false);

  const setSession = useCallback(
    (update: (s: StoredSession) => StoredSession) => {
      const next = update(sessionRef.current);
      sessionRef.current = next;
      saveSession(code, next);
      setSessionState(next);
    },
    [code],
  );
  const markJoined = (v: boolean) => {
    joinedRef.current = v;
    setJoined(v);
  };
  const rememberView = useCallback((idea: IdeaView) => setViews((m) => new Map(m).set(idea.id, idea)), []);
  const rememberViews = useCallback((ideas: IdeaView[]) => setViews((m) => new Map([...m, ...ideas.map((i) => [i.id, i] as const)])), []);
  // Phases, modes and timers are pushed by the server; the stored copy lets a reload show them offline.
  const updateAteliers = useCallback(
    (changed: Atelier[]) => setSession((s) => ({ ...s, ateliers: s.ateliers.map((a) => changed.find((c) => c.id === a.id) ?? a) })),
    [setSession],
  );
  const updateEventTimer = useCallback(
    (timer: TimerState | null) => setSession((s) => (s.event ? { ...s, event: { ...s.event, timer } } : s)),
    [setSession],
  );
  /** The facilitators blocked this identity: forget it (a fresh join then shows why it is refused)
   * and stop reconnecting — retrying would only hammer the server with refused commands. */
  const becomeBlocked = useCallback(() => {
    blockedRef.current = true;
    setBlocked(true);
    setSession((s) => ({ ...s, token: null, participant: null, atelierId: null }));
    markJoined(false);
    socketRef.current?.disconnect();
  }, [setSession]);

  useEffect(() => outbox.subscribe(() => setPending(outbox.list())), [outbox]);

  // Public event info: refreshed from the server, but the cached copy lets a reload work offline.
  // Re-fetched when the socket (re)connects, so a first load on a dead network recovers by itself.
  useEffect(() => {
    if (online === false) return;
    let live = true;
    void http<JoinInfoResult>(API.join(code)).then((res) => {
      if (!live) return;
      if (res.ok) {
        setInfoError(null);
        setSession((s) => ({ ...s, event: res.data.event, ateliers: res.data.ateliers }));
      } else if (res.error.code !== 'NETWORK' || !sessionRef.current.event) {
        setInfoError(res.error);
      }
    });
    return () => {
      live = false;
    };
  }, [code, setSession, online]);

  const flush = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket || !joinedRef.current) return;
    const send = async (item: OutboxItem): Promise<SendOutcome> => {
      const r = await request(socket, C.postIdea, { id: item.id, atelierId: item.atelierId, text: item.text });
      if (r.ok) {
        rememberView(r.data.idea);
        return { kind: 'sent' };
      }
      return outcomeOf(r.error);
    };
    await outbox.flush(send, (item, err) => setError({ error: err, text: item.text }));
  }, [outbox, rememberView]);

  const enterOnServer = useCallback(
    async (atelierId: string) => {
      const socket = socketRef.current;
      if (!socket || !joinedRef.current) return;
      const r = await request(socket, C.enterAtelier, { atelierId });
      if (r.ok) {
        updateAteliers([r.data.atelier]);
        // With anonymity the board's cards carry no author: only the server can say which are ours.
        const mine = await request(socket, C.myIdeas, { atelierId });
        if (mine.ok) rememberViews(mine.data.ideas);
      } else if (r.error.code === 'BLOCKED') becomeBlocked();
      else if (r.error.code === 'UNKNOWN_ATELIER' || r.error.code === 'BAD_REQUEST') {
        setSession((s) => ({ ...s, atelierId: null }));
        setError({ error: r.error });
      }
    },
    [setSession, updateAteliers, rememberViews, becomeBlocked],
  );

  // Identity is per connection: after every (re)connect, join with the token, re-enter the
  // atelier, then send whatever piled up while offline.
  const handshake = useCallback(async () => {
    const socket = socketRef.current;
    const s = sessionRef.current;
    if (!socket || !s.token) return;
    const r = await request(socket, C.join, { token: s.token, code });
    if (!r.ok) {
      // A lost identity (e.g. the event was reset) just shows the pseudonym form again.
      if (IDENTITY_LOST.has(r.error.code)) setSession((x) => ({ ...x, token: null, participant: null }));
      else if (r.error.code === 'BLOCKED') becomeBlocked();
      else if (r.error.code !== 'OFFLINE') setError({ error: r.error });
      return;
    }
    setSession((x) => ({ ...x, token: r.data.token || x.token, participant: r.data.participant, event: r.data.event, ateliers: r.data.ateliers }));
    markJoined(true);
    if (sessionRef.current.atelierId) await enterOnServer(sessionRef.current.atelierId);
    await flush();
  }, [code, enterOnServer, flush, setSession, becomeBlocked]);

  useEffect(() => {
    const socket = createSocket();
    socketRef.current = socket;
    setSocket(socket);
    socket.on('connect', () => {
      setOnline(true);
      void handshake();
    });
    socket.on('connect_error', () => setOnline(false));
    socket.on('disconnect', () => {
      setOnline(false);
      markJoined(false);
    });
    socket.on(S.ideaChanged, rememberView);
    socket.on(S.atelierState, ({ atelier }) => updateAteliers([atelier]));
    socket.on(S.eventState, ({ timer }) => updateEventTimer(timer));
    socket.on(S.blocked, becomeBlocked);
    // A dead Wi-Fi can take socket.io's heartbeat ~45 s to notice; the browser knows at once.
    const onBrowserOffline = () => {
      setOnline(false);
      socket.io.engine?.close(); // socket.io then reconnects by itself, with backoff
    };
    const onBrowserOnline = () => {
      if (socket.connected || blockedRef.current) return;
      socket.disconnect();
      socket.connect(); // don't wait for the backoff timer once the network is back
    };
    window.addEventListener('offline', onBrowserOffline);
    window.addEventListener('online', onBrowserOnline);
    // A post that timed out while still connected has no reconnect to trigger its resend.
    const timer = setInterval(() => {
      if (outbox.list().length > 0) void flush();
    }, RETRY_MS);
    return () => {
      clearInterval(timer);
      window.removeEventListener('offline', onBrowserOffline);
      window.removeEventListener('online', onBrowserOnline);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
      setSocket(null);
      markJoined(false);
    };
  }, [handshake, flush, outbox, rememberView, updateAteliers, updateEventTimer, becomeBlocked]);

  const join = useCallback(
    async (pseudonym: string): Promise<Outcome> => {
      const parsed = pseudonymSchema.safeParse(pseudonym);
      if (!parsed.success) return { ok: false, error: { code: 'INVALID_PSEUDONYM' } };
      const socket = socketRef.current;
      if (!socket) return { ok: false, error: { code: 'OFFLINE' } };
      const r = await request(socket, C.join, { code, pseudonym: parsed.data });
      if (!r.ok) return r;
      setSession((s) => ({ ...s, token: r.data.token, participant: r.data.participant, event: r.data.event, ateliers: r.data.ateliers }));
      markJoined(true);
      void flush();
      return { ok: true };
    },
    [code, flush, setSession],
  );

  const enterAtelier = useCallback(
    (atelierId: string) => {
      // Chosen locally first: the picker must work on a flaky network; the server hears it on reconnect.
      setSession((s) => ({ ...s, atelierId }));
      setError(null);
      void enterOnServer(atelierId);
    },
    [enterOnServer, setSession],
  );

  const leaveAtelier = useCallback(() => {
    setSession((s) => ({ ...s, atelierId: null }));
    setError(null);
  }, [setSession]);

  const post = useCallback(
    (text: string): Outcome => {
      const atelierId = sessionRef.current.atelierId;
      const parsed = ideaTextSchema.safeParse(text);
      if (!parsed.success) return { ok: false, error: { code: 'INVALID_IDEA_TEXT' } };
      if (!atelierId) return { ok: false, error: { code: 'NOT_JOINED' } };
      outbox.add({ id: uuidv4(), atelierId, text: parsed.data, createdAt: new Date().toISOString() });
      setError(null);
      void flush();
      return { ok: true };
    },
    [flush, outbox],
  );

  const edit = useCallback(
    async (id: string, text: string): Promise<Outcome> => {
      const parsed = ideaTextSchema.safeParse(text);
      if (!parsed.success) return { ok: false, error: { code: 'INVALID_IDEA_TEXT' } };
      if (outbox.update(id, parsed.data)) return { ok: true };
      const socket = socketRef.current;
      if (!socket?.connected || !joinedRef.current) return { ok: false, error: { code: 'OFFLINE_CHANGE' } };
      const r = await request(socket, C.editIdea, { id, text: parsed.data });
      if (!r.ok) return { ok: false, error: r.error.code === 'OFFLINE' ? { code: 'OFFLINE_CHANGE' } : r.error };
      rememberView(r.data.idea);
      return { ok: true };
    },
    [outbox, rememberView],
  );

  const remove = useCallback(
    async (id: string): Promise<Outcome> => {
      if (outbox.remove(id)) return { ok: true };
      const socket = socketRef.current;
      if (!socket?.connected || !joinedRef.current) return { ok: false, error: { code: 'OFFLINE_CHANGE' } };
      const r = await request(socket, C.deleteIdea, { id });
      if (!r.ok) return { ok: false, error: r.error.code === 'OFFLINE' ? { code: 'OFFLINE_CHANGE' } : r.error };
      setViews((m) => {
        const prev = m.get(id);
        return prev ? new Map(m).set(id, { ...prev, deleted: true }) : new Map(m).set(id, deletedStub(id));
      });
      return { ok: true };
    },
    [outbox],
  );

  const atelier = session.ateliers.find((a) => a.id === session.atelierId) ?? null;

  return {
    code,
    session,
    atelier,
    infoError,
    online,
    joined,
    blocked,
    /** For screens with their own commands and pushes (votes). */
    socket,
    error,
    clearError: () => setError(null),
    pending,
    views,
    join,
    enterAtelier,
    leaveAtelier,
    post,
    edit,
    remove,
  };
}

function deletedStub(id: string): IdeaView {
  const now = new Date().toISOString();
  return { id, atelierId: '', text: '', createdAt: now, updatedAt: now, deleted: true, status: 'hidden', moderated: false };
}
