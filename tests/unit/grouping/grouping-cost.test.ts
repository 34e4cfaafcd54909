import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestGroups } from '../../../shared/src/grouping/index';
import { neighbourLists } from '../../../shared/src/grouping/graph';
import { lastSearch } from '../../../shared/src/grouping/pair-search';
import { DUPLICATE_THRESHOLD, isDuplicateCandidate } from '../../../shared/src/grouping/duplicates';
import { MIN_NEIGHBOUR_SIM, NEIGHBOURS } from '../../../shared/src/grouping/cluster';
import { analyseBoard } from '../../../shared/src/grouping/vectors';
import { distinctIdeas } from '../../support/grouping-walls';

/**
 * The grouping's cost on big walls (issue #13), counted rather than timed so that the machine's
 * load cannot make it pass or fail: the pairs the similarity graph scores exactly, out of all
 * pairs. Its memory is tested in the worker, under a heap cap (tests/integration/grouping-worker).
 */
const texts = readFileSync(new URL('../../fixtures/ideas-heldout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const allPairs = (n: number) => (n * (n - 1)) / 2;

// Counts, not timings: the time limit only has to survive a loaded machine (5,000 ideas ≈ 1 s alone).
describe('the grouping on big walls', { timeout: 60_000 }, () => {
  it('scores exactly under 4 % of the pairs of 5,000 distinct ideas', () => {
    // Mixed and misspelt from 60 texts: every idea has dozens of true neighbours, the hard case.
    const ideas = distinctIdeas(texts, 5000);
    const result = suggestGroups(ideas);
    expect(result.clusters.flatMap((c) => c.ideaIds)).toHaveLength(5000);
    expect(lastSearch.vectors).toBeGreaterThan(3500); // distinct indeed
    // 2.5 % when written; 5.3 % when every pair ≥ 0.2 was scored and kept, read or not.
    expect(lastSearch.scored).toBeLessThan(0.04 * allPairs(5000));
    expect(lastSearch.kept).toBeLessThan(0.025 * allPairs(5000));
  });

  it('scores each distinct vector once, however many copies a wall holds', () => {
    // 5,000 ideas, each one of the 60 texts, in capitals one time out of two: 60 vectors.
    const ideas = Array.from({ length: 5000 }, (_, k) => ({ id: `c${k}`, text: k % 2 ? texts[k % 60]!.toUpperCase() : texts[k % 60]! }));
    const result = suggestGroups(ideas);
    expect(result.clusters.flatMap((c) => c.ideaIds)).toHaveLength(5000);
    expect(lastSearch.vectors).toBeLessThanOrEqual(60);
    expect(lastSearch.scored).toBeLessThanOrEqual(allPairs(60));
  });

  it('gives the same filtered rows whether or not it may skip the pairs no row reads', () => {
    const items = analyseBoard(distinctIdeas(texts, 1500));
    const minSim = Math.min(DUPLICATE_THRESHOLD, MIN_NEIGHBOUR_SIM);
    const filter = { top: NEIGHBOURS, also: isDuplicateCandidate };
    const pruned = neighbourLists(items, minSim, { ...filter, alsoAbove: DUPLICATE_THRESHOLD });
    const prunedScored = lastSearch.scored;
    const full = neighbourLists(items, minSim, filter);
    expect(prunedScored).toBeLessThan(lastSearch.scored);
    expect(pruned).toEqual(full);
  });

  it('keeps no duplicate candidate below DUPLICATE_THRESHOLD (what alsoAbove tells the graph)', () => {
    for (let sim = 0; sim < DUPLICATE_THRESHOLD; sim += 0.01) {
      for (const concept of [0, 0.5, 1]) for (const surface of [0, 0.7, 1]) expect(isDuplicateCandidate(0, { j: 1, concept, surface, sim })).toBe(false);
    }
  });
});
