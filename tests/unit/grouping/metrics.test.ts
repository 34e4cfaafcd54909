import { describe, it, expect } from 'vitest';
import { adjustedRandIndex, pairPrecisionRecall, labelPairs } from '../../../shared/src/grouping/metrics';

describe('adjustedRandIndex', () => {
  it('is 1 for identical partitions, whatever the label names', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBeCloseTo(1);
  });
  it('matches a hand-computed value', () => {
    // contingency (0,0)=2 (1,1)=1 (1,2)=1 → (1 − 1/3) / (3/2 − 1/3) = 4/7
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '0', '1', '2'])).toBeCloseTo(4 / 7);
  });
  it('is about 0 or below for unrelated partitions', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeLessThanOrEqual(0);
  });
  it('rejects labelings of different lengths', () => {
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow();
  });
});

describe('pairPrecisionRecall', () => {
  it('counts pairs sharing a non-null label', () => {
    expect(labelPairs(['g', 'g', null, 'g', 'h'])).toEqual(new Set(['0,1', '0,3', '1,3']));
  });
  it('scores predicted groups against reference groups', () => {
    const s = pairPrecisionRecall(['g', 'g', 'g', null], ['d', 'd', null, 'd']);
    expect(s.truePairs).toBe(3);
    expect(s.predictedPairs).toBe(3);
    expect(s.correct).toBe(1);
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.recall).toBeCloseTo(1 / 3);
  });
});
