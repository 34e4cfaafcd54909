import { C, S, type Atelier, type ClientToServerEvents, type Dashboard, type ModIdeaView, type SemisEvent, type TimerState, type Viewport } from '@semis/shared';
import { createSocket, request, type Result, type SemisSocket } from './socket';
import type { ClientError } from './errors';

export interface FacilitatorState {
  status: 'connecting' | 'ready' | 'offline' | 'error';
  /** Set when the server refused the token: no point reconnecting. */
  error: ClientError | null;
  event: SemisEvent | null;
  ateliers: Atelier[];
  /** null: the whole event; else the co-facilitator's one atelier. */
  scope: string | null;
  actor: string;
  dashboard: Dashboard | null;
  /** Every idea (all statuses) of the ateliers someone asked to moderate. */
  modIdeas: ReadonlyMap<string, ReadonlyMap<string, ModIdeaView>>;
}

type Cmd = keyof ClientToServerEvents;
type Payload<E extends Cmd> = Parameters<ClientToServerEvents[E]>[0];
type FollowListener = (atelierId: string, viewport: Viewport | null) => void;

export const INITIAL_STATE: FacilitatorState = { status: 'connecting', error: null, event: null, ateliers: [], scope: null, actor: '', dashboard: null, modIdeas: new Map() };
/** The server pushes the dashboard to admin links only; a co-facilitator asks for it. */
const SCOPED_DASHBOARD_POLL_MS = 5000;

/**
 * The animation team's live connection: authenticates after every (re)connect (identity belongs
 * to the connection), then keeps ateliers, the dashboard and moderation lists current from
 * server pushes. A plain store so pages subscribe with useSyncExternalStore.
 */
export class FacilitatorSession {
  readonly socket: SemisSocket;
  private state: FacilitatorState = INITIAL_STATE;
  private listeners = new Set<() => void>();
  private followers = new Set<FollowListener>();
  private watched = new Map<string, number>();
  private poll: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly token: string) {
    this.socket = createSocket();
    this.socket.on('connect', () => void this.authenticate());
    this.socket.on('disconnect', () => this.set({ status: this.state.error ? 'error' : 'offline' }));
    this.socket.on('connect_error', () => this.state.status !== 'error' && this.set({ status: 'offline' }));
    this.socket.on(S.atelierState, ({ atelier }) => this.upsertAteliers([atelier]));
    this.socket.on(S.eventState, ({ timer }) => this.setEventTimer(timer));
    this.socket.on(S.dashboard, (dashboard) => this.set({ dashboard }));
    this.socket.on(S.modIdea, (idea) => this.upsertIdeas(idea.atelierId, [idea], false));
    this.socket.on(S.follow, ({ atelierId, viewport }) => {
      for (const fn of this.followers) fn(atelierId, viewport);
    });
  }

  getState = (): FacilitatorState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  onFollow(fn: FollowListener): () => void {
    this.followers.add(fn);
    return () => this.followers.delete(fn);
  }

  close(): void {
    if (this.poll) clearInterval(this.poll);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
    this.followers.clear();
  }

  /** Any facilitator command; results that describe new state are applied at once, without
   * waiting for the push (which still comes, and changes nothing then). */
  async command<E extends Cmd>(event: E, payload: Payload<E>): Promise<Result<unknown>> {
    const r = (await request(this.socket, event, payload)) as Result<unknown>;
    if (r.ok) this.applyAck(event, payload, r.data);
    return r;
  }

  /** Starts keeping an atelier's idea list (all statuses); the returned function stops. */
  watchIdeas(atelierId: string): () => void {
    this.watched.set(atelierId, (this.watched.get(atelierId) ?? 0) + 1);
    if (this.state.status === 'ready') void this.loadIdeas(atelierId);
    return () => {
      const n = (this.watched.get(atelierId) ?? 1) - 1;
      if (n > 0) this.watched.set(atelierId, n);
      else this.watched.delete(atelierId);
    };
  }

  /** Again, e.g. after ateliers were added: auth is what joins their rooms. */
  async authenticate(): Promise<void> {
    const r = await request(this.socket, C.facilitatorAuth, { token: this.token });
    if (!r.ok) {
      if (r.error.code === 'NOT_AUTHENTICATED' || r.error.code === 'FORBIDDEN') {
        this.set({ status: 'error', error: r.error });
        this.socket.disconnect();
      }
      return;
    }
    const { event, ateliers, scope, actor } = r.data;
    this.set({ status: 'ready', error: null, event, ateliers, scope, actor });
    await this.refreshDashboard();
    for (const id of this.watched.keys()) void this.loadIdeas(id);
    if (scope !== null && !this.poll) this.poll = setInterval(() => void this.refreshDashboard(), SCOPED_DASHBOARD_POLL_MS);
  }

  private async refreshDashboard(): Promise<void> {
    const r = await request(this.socket, C.dashboard, {});
    if (r.ok) this.set({ dashboard: r.data });
  }

  private async loadIdeas(atelierId: string): Promise<void> {
    const r = await request(this.socket, C.modIdeas, { atelierId });
    if (r.ok) this.upsertIdeas(atelierId, r.data.ideas, true);
  }

  private applyAck(event: Cmd, payload: unknown, data: unknown): void {
    if (event === C.setPhase) this.upsertAteliers((data as { ateliers: Atelier[] }).ateliers);
    else if (event === C.configureAtelier) this.upsertAteliers([(data as { atelier: Atelier }).atelier]);
    else if (event === C.moderateIdea) {
      const idea = (data as { idea: ModIdeaView }).idea;
      this.upsertIdeas(idea.atelierId, [idea], false);
    } else if (event === C.timer) {
      const target = (payload as { target: string }).target;
      const timer = (data as { timer: TimerState | null }).timer;
      if (target === 'event') this.setEventTimer(timer);
      else {
        const a = this.state.ateliers.find((x) => x.id === target);
        if (a) this.upsertAteliers([{ ...a, timer }]);
      }
    }
  }

  private upsertAteliers(changed: Atelier[]): void {
    if (changed.length === 0) return;
    const byId = new Map(changed.map((a) => [a.id, a]));
    const ateliers = this.state.ateliers.map((a) => byId.get(a.id) ?? a);
    // Keep the dashboard's phase/timer in step too: its next push may be a second away.
    const dashboard = this.state.dashboard && {
      ...this.state.dashboard,
      ateliers: this.state.dashboard.ateliers.map((row) => {
        const a = byId.get(row.id);
        return a ? { ...row, phase: a.phase, timer: a.timer, privateWriting: a.privateWriting, moderated: a.moderated } : row;
      }),
    };
    this.set({ ateliers, dashboard });
  }

  private setEventTimer(timer: TimerState | null): void {
    const { event, dashboard } = this.state;
    this.set({ event: event && { ...event, timer }, dashboard: dashboard && { ...dashboard, timer } });
  }

  private upsertIdeas(atelierId: string, ideas: ModIdeaView[], replace: boolean): void {
    if (!replace && !this.state.modIdeas.has(atelierId)) return; // nobody watches it: the dashboard counts suffice
    const list = new Map(replace ? [] : this.state.modIdeas.get(atelierId) ?? []);
    for (const i of ideas) list.set(i.id, i);
    this.set({ modIdeas: new Map(this.state.modIdeas).set(atelierId, list) });
  }

  private set(patch: Partial<FacilitatorState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }
}
