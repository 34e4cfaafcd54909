import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  candidatePatchSchema, clusterMaps, foldedInto, createCluster, DEFAULT_VOTE_CONFIG, defaultStakeholders, deleteCluster, dotRefusal, dotsLeft, markDuplicate, mergeClusters,
  putIdeaCard, ratingSummary, readClusters, renameCluster, resultsVisible, setIdeaCluster, tally, unclusteredIdeaIds, voteConfigSchema,
} from '@semis/shared';
import { clusterTitle } from '@semis/shared/grouping';

const rules = { dotsPerParticipant: 5, maxPerItem: 3 };

describe('dot budget rules', () => {
  it('allows a dot while budget and per-item cap allow', () => {
    expect(dotRefusal(rules, {}, 'a', 1)).toBeNull();
    expect(dotRefusal(rules, { a: 2 }, 'a', 1)).toBeNull();
    expect(dotRefusal(rules, { a: 3 }, 'a', 1)).toBe('VOTE_ITEM_CAP');
    expect(dotRefusal(rules, { a: 3, b: 2 }, 'c', 1)).toBe('VOTE_BUDGET_SPENT');
  });
  it('removes only dots that are there', () => {
    expect(dotRefusal(rules, {}, 'a', -1)).toBe('VOTE_NOTHING_TO_REMOVE');
    expect(dotRefusal(rules, { a: 1 }, 'a', -1)).toBeNull();
    expect(dotRefusal(rules, { a: 3, b: 2 }, 'a', -1)).toBeNull();
  });
  it('counts what is left', () => {
    expect(dotsLeft(rules, { a: 2, b: 1 })).toBe(2);
    expect(dotsLeft(rules, {})).toBe(5);
  });
  it('defaults to 5 dots, 3 per item, clusters, hidden results', () => {
    expect(DEFAULT_VOTE_CONFIG).toEqual({ mode: 'dots', target: 'clusters', dotsPerParticipant: 5, maxPerItem: 3, results: 'hidden', includeUnclustered: false });
    expect(voteConfigSchema.safeParse({ dotsPerParticipant: 0 }).success).toBe(false);
  });
  it('shows results live, or once closed', () => {
    expect(resultsVisible({ results: 'hidden' }, 'open')).toBe(false);
    expect(resultsVisible({ results: 'hidden' }, 'closed')).toBe(true);
    expect(resultsVisible({ results: 'live' }, 'open')).toBe(true);
  });
});

describe('tally', () => {
  it('ranks by dots with shared ranks for ties, zero-dot items included', () => {
    const rows = tally(['a', 'b', 'c', 'd'], [
      { itemId: 'b', participantId: 'p1', dots: 3 },
      { itemId: 'c', participantId: 'p2', dots: 2 },
      { itemId: 'c', participantId: 'p1', dots: 1 },
      { itemId: 'a', participantId: 'p3', dots: 1 },
      { itemId: 'zz', participantId: 'p3', dots: 9 },
    ]);
    expect(rows).toEqual([
      { itemId: 'b', dots: 3, voters: 1, rank: 1, tied: true },
      { itemId: 'c', dots: 3, voters: 2, rank: 1, tied: true },
      { itemId: 'a', dots: 1, voters: 1, rank: 3, tied: false },
      { itemId: 'd', dots: 0, voters: 0, rank: 4, tied: false },
    ]);
  });
});

describe('souhaitable × réaliste', () => {
  it('averages and places each item in the 2×2 chart', () => {
    const rows = ratingSummary(['a', 'b', 'c', 'd', 'e'], [
      { itemId: 'a', desirability: 4, feasibility: 4 },
      { itemId: 'b', desirability: 4, feasibility: 1 },
      { itemId: 'c', desirability: 1, feasibility: 4 },
      { itemId: 'd', desirability: 2, feasibility: 2 },
      { itemId: 'd', desirability: 2, feasibility: 1 },
    ]);
    expect(rows.map((r) => r.quadrant)).toEqual(['prioritaire', 'a-rendre-realiste', 'facile-mais-peu-souhaite', 'a-ecarter', null]);
    expect(rows[3]).toMatchObject({ raters: 2, desirability: 2, feasibility: 1.5 });
  });
});

describe('clusters on the board document', () => {
  function board(n: number) {
    const doc = new Y.Doc();
    for (let i = 0; i < n; i++) putIdeaCard(doc, { id: `i${i}`, text: `idée ${i}`, authorId: 'a', author: 'A', createdAt: `2026-01-01T00:00:0${i}Z`, updatedAt: 'x' });
    return doc;
  }
  const rec = (id: string) => ({ id, title: id.toUpperCase(), x: 0, y: 0, createdAt: id });

  it('groups, moves, merges, splits and deletes, one cluster per idea', () => {
    const doc = board(5);
    createCluster(doc, rec('c1'), ['i0', 'i1']);
    createCluster(doc, rec('c2'), ['i2']);
    expect(readClusters(doc).map((c) => [c.id, c.ideaIds])).toEqual([['c1', ['i0', 'i1']], ['c2', ['i2']]]);
    setIdeaCluster(doc, 'i1', 'c2');
    expect(readClusters(doc).map((c) => c.ideaIds)).toEqual([['i0'], ['i1', 'i2']]);
    mergeClusters(doc, 'c1', 'c2');
    expect(readClusters(doc).map((c) => [c.id, c.ideaIds])).toEqual([['c1', ['i0', 'i1', 'i2']]]);
    createCluster(doc, rec('c3'), ['i2']);
    renameCluster(doc, 'c3', 'Mobilité');
    expect(readClusters(doc).find((c) => c.id === 'c3')).toMatchObject({ title: 'Mobilité', ideaIds: ['i2'] });
    expect(unclusteredIdeaIds(doc)).toEqual(['i3', 'i4']);
    deleteCluster(doc, 'c3');
    expect(unclusteredIdeaIds(doc)).toEqual(['i2', 'i3', 'i4']);
  });

  it('counts near-duplicates merged inside a cluster', () => {
    const doc = board(3);
    createCluster(doc, rec('c1'), ['i0']);
    markDuplicate(doc, 'i1', 'i0');
    expect(readClusters(doc)[0]).toMatchObject({ ideaIds: ['i0', 'i1'], mergedCount: 1 });
    markDuplicate(doc, 'i1', null);
    expect(readClusters(doc)[0]!.mergedCount).toBe(0);
  });

  it('agrees on folds: only while the other idea is visible and in the same cluster', () => {
    const doc = board(3);
    markDuplicate(doc, 'i1', 'i0');
    expect(foldedInto(doc, 'i1')).toBe('i0');
    createCluster(doc, rec('c1'), ['i1']);
    expect(foldedInto(doc, 'i1')).toBeNull();
    markDuplicate(doc, 'i2', 'gone');
    expect(foldedInto(doc, 'i2')).toBeNull();
    expect(clusterTitle({ title: '  ', ideaIds: ['i0'] }, () => 'covoiturage vers la gare')).toMatch(/covoiturage/i);
    expect(clusterTitle({ title: 'Mobilité', ideaIds: [] }, () => undefined)).toBe('Mobilité');
  });

  it('skips malformed clusters and memberships pointing nowhere', () => {
    const doc = board(2);
    clusterMaps(doc).clusters.set('bad', { title: 3 });
    clusterMaps(doc).membership.set('i0', 'bad');
    clusterMaps(doc).membership.set('i1', 'nowhere');
    expect(readClusters(doc)).toEqual([]);
    expect(unclusteredIdeaIds(doc)).toEqual(['i0', 'i1']);
  });
});

describe('candidate cards', () => {
  it('prefill the six parties and refuse unknown statuses', () => {
    expect(defaultStakeholders().map((s) => s.partie)).toEqual(['Pouvoirs publics', 'Associations', 'Entreprises', 'Citoyens', 'Universités', 'Médias']);
    expect(candidatePatchSchema.safeParse({ status: 'pilote' }).success).toBe(true);
    expect(candidatePatchSchema.safeParse({ status: 'fini' }).success).toBe(false);
    expect(candidatePatchSchema.safeParse({ title: '' }).success).toBe(false);
  });
});
