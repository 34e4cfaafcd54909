import { describe, expect, it } from 'vitest';
import { EventSeats } from '../../server/src/limits/eventSeats';

describe('EventSeats', () => {
  it('counts from storage once per hundred first joins, and refuses at the bound', async () => {
    let stored = 0;
    let counts = 0;
    const seats = new EventSeats(async (id) => {
      counts++;
      return id === 'e' ? stored : 0;
    }, 250);
    for (let i = 0; i < 250; i++) {
      await seats.admit('e');
      stored++;
      seats.seated('e');
    }
    expect(counts).toBe(3);
    await expect(seats.admit('e')).rejects.toMatchObject({ code: 'EVENT_FULL' });
    await expect(seats.admit('other')).resolves.toBeUndefined();
  });

  it('counts again what other processes created, and a full event after a while', async () => {
    let stored = 0;
    let now = 0;
    const seats = new EventSeats(async () => stored, 10, () => now);
    await seats.admit('e');
    stored = 10; // another process filled it
    for (let i = 0; i < 99; i++) seats.seated('e');
    await expect(seats.admit('e')).rejects.toMatchObject({ code: 'EVENT_FULL' });
    stored = 9; // the count read said full; storage says otherwise 10 s later
    await expect(seats.admit('e')).rejects.toMatchObject({ code: 'EVENT_FULL' });
    now = 10_001;
    await expect(seats.admit('e')).resolves.toBeUndefined();
  });
});
