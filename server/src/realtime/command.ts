import type { Socket } from 'socket.io';
import { COMMANDS, type Ack, type ClientToServerEvents, type CommandAck, type CommandName, type CommandPayload, type Language, type ServerToClientEvents } from '@semis/shared';
import { AppError, errorBody, parseInput } from '../errors';
import { logger } from '../logger';
import type { ParticipantRecord } from '../storage/types';
import type { FacilitatorPrincipal, Principal } from '../services/access';
import { TokenBucket } from '../limits/tokenBucket';
import { yieldIfBusy } from '../limits/loopSlice';

/** A connection's identity and budget; read it through ./identity.ts. */
export interface SocketData {
  participant?: ParticipantRecord;
  facilitator?: FacilitatorPrincipal;
  /** Set by posters:subscribe. */
  viewer?: Promise<Principal>;
  lang: Language;
  bucket: TokenBucket;
}
export type SemisSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Phones: enough for an outbox flush, not for a flood. Facilitators are authenticated and
 * their consoles legitimately fire bursts (bulk actions, dashboards), so they get more. */
const LIMITS = {
  anyone: { burst: 30, perSecond: 10 },
  facilitator: { burst: 300, perSecond: 100 },
} as const;

export function initSocketData(socket: SemisSocket, lang: Language): void {
  socket.data.lang = lang;
  socket.data.bucket = new TokenBucket(LIMITS.anyone);
}

/** Once a connection proved it is a facilitator, it gets the facilitators' budget at once. */
export function grantFacilitatorBudget(socket: SemisSocket): void {
  socket.data.bucket.reset(LIMITS.facilitator);
}

/** What a command's handler gets (its payload, parsed, and the connection it came on) and must
 * answer (its ack type). */
export type Handler<K extends CommandName> = (payload: CommandPayload<K>, socket: SemisSocket) => Promise<CommandAck<K>>;
/** Handlers of some commands of the table in shared/src/protocol/commands.ts; an event name
 * not in that table, or an answer of another type, does not compile. */
export type CommandTable = { [K in CommandName]?: Handler<K> };

type Listener = (this: SemisSocket, event: unknown, payload?: unknown, ack?: unknown) => void;

/**
 * The one listener every connection gets (`socket.onAny`), built once per process from the
 * roles' tables: a phone's connection holds no closure per command (a thousand phones held
 * ~90 000 of them). An event that is no command of the tables is ignored, as an event without
 * a listener was.
 */
export function commandListener(...tables: CommandTable[]): Listener {
  const handlers = new Map<string, (socket: SemisSocket, payload: unknown, ack: unknown) => Promise<void>>();
  for (const table of tables) {
    for (const name of Object.keys(table) as CommandName[]) {
      if (handlers.has(name)) throw new Error(`command ${name} has two handlers`);
      handlers.set(name, wrap(name, table[name] as Handler<typeof name>));
    }
  }
  return function (this: SemisSocket, event, payload, ack) {
    if (typeof event !== 'string') return;
    // `emit('dashboard:get', callback)`: a command sent without a payload has its callback in
    // the payload's place. It is the ack all the same (answered exactly once), and the payload
    // is absent: commands that take none accept it, the others answer BAD_REQUEST.
    if (typeof payload === 'function' && ack === undefined) void handlers.get(event)?.(this, undefined, payload);
    else void handlers.get(event)?.(this, payload, ack);
  };
}

/** Wraps a handler: rate limit, payload parsed with the command's schema, a missing ack,
 * thrown errors — the server never crashes on input. */
function wrap<K extends CommandName>(name: K, handler: Handler<K>): (socket: SemisSocket, payload: unknown, ack: unknown) => Promise<void> {
  const spec = COMMANDS[name];
  return async (socket, payload, ack) => {
    let answer: Ack<CommandAck<K>>;
    try {
      if (!socket.data.bucket.take()) throw new AppError('RATE_LIMITED');
      // 150 phones' commands can arrive in one turn of the event loop: past its slice, the
      // rest are parsed and handled in the next turns, so timers and pings run in between.
      await yieldIfBusy();
      answer = { ok: true, data: await handler(parseInput(spec.payload, payload, spec.fields) as CommandPayload<K>, socket) };
    } catch (err) {
      answer = { ok: false, error: errorBody(err, socket.data.lang) };
      // INTERNAL (a bug) or UNAVAILABLE (the database does not answer).
      if (!(err instanceof AppError)) logger.error({ err, event: name }, `command failed (${answer.error.code})`);
    }
    // Exactly one ack, and a failure to send it (connection gone, unserialisable data) stays here.
    try {
      if (typeof ack === 'function') (ack as (r: Ack<CommandAck<K>>) => void)(answer);
    } catch (err) {
      logger.error({ err, event: name }, 'ack failed');
    }
  };
}
