/**
 * Type-level tests of the command table, checked by `npm run typecheck` (tsc covers tests/):
 * each `@ts-expect-error` below must be an error, else tsc fails with "unused directive".
 */
import { C, type ClientToServerEvents, type CommandPayload } from '@semis/shared';
import { commandListener, type CommandTable } from '../../../server/src/realtime/command';

declare const idea: { id: string; atelierId: string; text: string; createdAt: string; updatedAt: string; deleted: boolean; status: 'visible'; moderated: boolean };

export const good: CommandTable = {
  [C.postIdea]: async (p) => ({ idea: { ...idea, id: p.id }, created: true }),
  [C.deleteIdea]: async (p) => ({ id: p.id }),
};

export const wrongAck: CommandTable = {
  // @ts-expect-error the ack of idea:post is { idea, created }, not a number
  [C.postIdea]: async () => 42,
  // @ts-expect-error a field of the ack is missing
  [C.deleteIdea]: async () => ({}),
};

export const wrongName: CommandTable = {
  // @ts-expect-error no such event in the command table
  'idea:pots': async () => ({ id: 'x' }),
};

// The listener takes tables typed the same way.
// @ts-expect-error wrong ack type
commandListener({ [C.postIdea]: async () => 42 });
// @ts-expect-error unknown event name
commandListener(good, { 'idea:pots': async () => ({ id: 'x' }) });
// Handlers get the connection the command came on.
export const withSocket: CommandTable = {
  [C.deleteIdea]: async (p, socket) => ({ id: `${p.id}:${socket.id}` }),
};

// Handlers get the parsed payload: defaults are applied (debate: boolean, never undefined).
export const parsed = (p: CommandPayload<typeof C.createGroup>): boolean => p.debate;
// @ts-expect-error the payload has no such field
export const noField = (p: CommandPayload<typeof C.deleteIdea>): string => p.text;

// Clients see the same table: a wrong payload does not compile.
declare const emit: <E extends keyof ClientToServerEvents>(e: E, ...args: Parameters<ClientToServerEvents[E]>) => void;
// @ts-expect-error atelierId is required
emit(C.postIdea, { id: 'x', text: 't' }, () => {});
