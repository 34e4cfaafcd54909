import { describe, expect, it } from 'vitest';
import { C, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, useServer } from '../support/harness';

/** The join code is projected in the hall and needs no account: without a bound, anyone holding
 * it could create participants for ever. Here the bound is 3 (5,000 in production). */
const suite = useServer({ config: { participantsPerEvent: 3 } });

describe('participants per event', () => {
  it('refuses a first join once the event is full (EVENT_FULL), still lets its phones rejoin, and other events are not affected', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const other = await createEvent(suite.server.url, 1);
    const joins: JoinResult[] = [];
    for (const pseudonym of ['Aline', 'Bruno', 'Chloé']) {
      const socket = await connect(suite.server.url);
      suite.open.push(socket);
      joins.push(must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym })));
    }

    const late = await connect(suite.server.url);
    suite.open.push(late);
    const refused = await call(late, C.join, { code: ev.event.joinCode, pseudonym: 'Denise' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('EVENT_FULL');
    expect(!refused.ok && refused.error.message).toMatch(/nombre maximal de participants/);

    // A phone of the event coming back (a reconnect) keeps its seat.
    const back = await connect(suite.server.url);
    suite.open.push(back);
    expect(must(await call<JoinResult>(back, C.join, { token: joins[0]!.token })).participant.id).toBe(joins[0]!.participant.id);

    const elsewhere = await call<JoinResult>(late, C.join, { code: other.event.joinCode, pseudonym: 'Denise' });
    expect(elsewhere.ok).toBe(true);
  });
});
