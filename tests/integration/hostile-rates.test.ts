import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API } from '@semis/shared';
import { createEvent, useServer } from '../support/harness';

/** HTTP budgets cannot be multiplied by making tokens up (docs/protocol.md, "Limits"). */

const suite = useServer();
const madeUp = () => randomBytes(32).toString('base64url');

describe('HTTP rate limits and made-up tokens', () => {
  it('creates events at the shared rate whatever Authorization says (20 in a burst)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(suite.server.url + API.createEvent, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${madeUp()}` },
        body: JSON.stringify({ name: `Soirée ${i}`, ateliers: [{ title: 'Tourisme' }] }),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('charges a token it has not seen open anything to the shared anonymous budget', async () => {
    const known = await createEventSoon();
    const statuses: number[] = [];
    // A new made-up token per request: each would have had a fresh budget of 120.
    for (let batch = 0; batch < 20 && !statuses.includes(429); batch++) {
      const all = Array.from({ length: 100 }, () => fetch(suite.server.url + API.adminEvent, { headers: { Authorization: `Bearer ${madeUp()}` } }).then((r) => r.status));
      statuses.push(...(await Promise.all(all)));
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 401)).toBe(true);
    // A real token, once seen, has its own budget while the anonymous one is spent.
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(suite.server.url + API.adminEvent, { headers: { Authorization: `Bearer ${known.adminToken}` } });
    expect([200, 429]).toContain(res.status);
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(suite.server.url + API.adminEvent, { headers: { Authorization: `Bearer ${known.adminToken}` } })).status).toBe(200);
  }, 30_000);
});

/** The event-creation bucket may be spent by the test above: wait for a token of it. */
async function createEventSoon() {
  for (;;) {
    try {
      return await createEvent(suite.server.url, 1);
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
