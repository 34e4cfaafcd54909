import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { dropAuthors, eveningOverAt, isPurgeDue, purgeDueAt, retentionInputSchema } from '@semis/shared';

const DAY = 24 * 60 * 60 * 1000;
const at = (iso: string) => Date.parse(iso);

describe('retention of pseudonyms', () => {
  it('counts from the closing of every atelier, or the end of the day after the date', () => {
    expect(eveningOverAt({ date: null, closedAt: '2026-03-12T22:40:00Z', createdAt: '2026-03-01T10:00:00Z' })).toBe(at('2026-03-12T22:40:00Z'));
    expect(eveningOverAt({ date: '2026-03-12', closedAt: null, createdAt: '2026-03-01T10:00:00Z' })).toBe(at('2026-03-14T00:00:00Z'));
    // Closed early: the closing wins; left open: the date does.
    expect(eveningOverAt({ date: '2026-03-12', closedAt: '2026-03-12T23:00:00Z', createdAt: '2026-03-01T10:00:00Z' })).toBe(at('2026-03-12T23:00:00Z'));
    // Set up after its date (a typo, an archive moved over): not over before the day after creation.
    expect(eveningOverAt({ date: '2026-03-12', closedAt: null, createdAt: '2026-11-30T16:00:00Z' })).toBe(at('2026-12-02T00:00:00Z'));
    expect(eveningOverAt({ date: null, closedAt: null, createdAt: '2026-11-30T16:00:00Z' })).toBeNull();
  });

  it('is due N days later; 0 means at once, undated and open means never', () => {
    const clock = { date: '2026-03-12', closedAt: null, createdAt: '2026-03-01T10:00:00Z', retentionDays: 30 };
    expect(purgeDueAt(clock)).toBe(at('2026-03-14T00:00:00Z') + 30 * DAY);
    expect(isPurgeDue(clock, at('2026-04-12T23:59:59Z'))).toBe(false);
    expect(isPurgeDue(clock, at('2026-04-13T00:00:00Z'))).toBe(true);
    expect(isPurgeDue({ ...clock, date: null, closedAt: '2026-03-12T23:00:00Z', retentionDays: 0 }, at('2026-03-12T23:00:00Z'))).toBe(true);
    expect(isPurgeDue({ ...clock, date: null }, at('2099-01-01T00:00:00Z'))).toBe(false);
  });

  it('takes 0 to 365 whole days, nothing else', () => {
    for (const days of [0, 30, 365]) expect(retentionInputSchema.safeParse({ days }).success).toBe(true);
    for (const body of [{ days: -1 }, { days: 366 }, { days: 1.5 }, { days: '30' }, {}, { days: 30, extra: 1 }]) expect(retentionInputSchema.safeParse(body).success).toBe(false);
  });

  it('takes authors off poster shapes and post-its, once', () => {
    const doc = new Y.Doc();
    doc.getMap('shapes').set('s1', { id: 's1', type: 'postit', text: 'Forêt', author: 'Gwénaëlle' });
    doc.getMap('shapes').set('s2', { id: 's2', type: 'postit', text: 'Rivière' });
    doc.getMap('notes').set('n1', { id: 'n1', column: 'atouts', text: 'Savoir-faire', author: 'Zéphyrin' });
    expect(dropAuthors(doc)).toBe(2);
    expect(doc.getMap('shapes').get('s1')).toEqual({ id: 's1', type: 'postit', text: 'Forêt' });
    expect(doc.getMap('notes').get('n1')).toEqual({ id: 'n1', column: 'atouts', text: 'Savoir-faire' });
    expect(dropAuthors(doc)).toBe(0);
    // Nothing of the names survives in the document's encoded state (deleted content collected).
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).includes('Gwénaëlle')).toBe(false);
  });
});
