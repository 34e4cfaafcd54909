import { describe, expect, it } from 'vitest';
import { nextPresentState, type PresentState } from '@semis/shared';

const A = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
const at = (index: number, itemId: string | null, count = 3): PresentState => ({ atelierId: A, kind: 'clusters', index, count, itemId });

describe('nextPresentState', () => {
  const items = ['a', 'b', 'c'];
  it('start clamps its index to the items', () => {
    expect(nextPresentState(null, { action: 'start', atelierId: A, kind: 'clusters', index: 0 }, items)).toEqual(at(0, 'a'));
    expect(nextPresentState(null, { action: 'start', atelierId: A, kind: 'clusters', index: 9 }, items)).toEqual(at(2, 'c'));
    expect(nextPresentState(null, { action: 'start', atelierId: A, kind: 'posters', index: 0 }, [])).toEqual({ atelierId: A, kind: 'posters', index: 0, count: 0, itemId: null });
  });
  it('steps stay within bounds', () => {
    expect(nextPresentState(at(2, 'c'), { action: 'step', atelierId: A, delta: 1 }, items)).toEqual(at(2, 'c'));
    expect(nextPresentState(at(0, 'a'), { action: 'step', atelierId: A, delta: -1 }, items)).toEqual(at(0, 'a'));
    expect(nextPresentState(at(0, 'a'), { action: 'step', atelierId: A, delta: 1 }, items)).toEqual(at(1, 'b'));
  });
  it('a step follows the item shown when the list changed under it', () => {
    expect(nextPresentState(at(1, 'b'), { action: 'step', atelierId: A, delta: 1 }, ['new', 'a', 'b', 'c'])).toEqual(at(3, 'c', 4));
    expect(nextPresentState(at(1, 'gone'), { action: 'step', atelierId: A, delta: 1 }, items)).toEqual(at(2, 'c'));
  });
  it('no step without a presentation', () => {
    expect(nextPresentState(null, { action: 'step', atelierId: A, delta: 1 }, items)).toBeNull();
  });
});
