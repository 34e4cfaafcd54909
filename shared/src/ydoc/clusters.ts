import type * as Y from 'yjs';
// zod/mini: phones read clusters for the vote, and the mini build keeps their bundle small.
import * as z from 'zod/mini';
import { readIdeaCards } from './board';

/**
 * Clusters on a wall's document (same Y.Doc as the ideas, see board.ts):
 *
 *   clusters    Y.Map<clusterId, ClusterRecord>   a named group, placed on the canvas
 *   membership  Y.Map<ideaId, clusterId>          one cluster per idea (last writer wins per idea,
 *                                                 so two people dragging never duplicate an idea)
 *   merged      Y.Map<ideaId, canonicalIdeaId>    near-duplicates folded into one idea
 *
 * Written by facilitators (and group members where allowed) through Yjs; the server reads it
 * when a vote opens, validating every entry, so a bad entry is skipped, never trusted.
 */
export const clusterRecordSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.maxLength(120)),
  x: z.number(), // zod 4 numbers are finite
  y: z.number(),
  createdAt: z.string(),
});
export type ClusterRecord = z.infer<typeof clusterRecordSchema>;

export interface ClusterView extends ClusterRecord {
  /** Visible ideas of the cluster, oldest first, duplicates included. */
  ideaIds: string[];
  /** How many of them are folded into another idea of the cluster. */
  mergedCount: number;
}

export function clusterMaps(doc: Y.Doc) {
  return {
    clusters: doc.getMap<unknown>('clusters'),
    membership: doc.getMap<unknown>('membership'),
    merged: doc.getMap<unknown>('merged'),
  };
}

/** Valid clusters with their visible ideas; empty clusters are kept (a title waiting for ideas). */
export function readClusters(doc: Y.Doc): ClusterView[] {
  const { clusters, membership } = clusterMaps(doc);
  const cards = readIdeaCards(doc);
  const visible = new Set(cards.map((c) => c.id));
  const views = new Map<string, ClusterView>();
  clusters.forEach((value, key) => {
    const parsed = clusterRecordSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) views.set(key, { ...parsed.data, ideaIds: [], mergedCount: 0 });
  });
  for (const card of cards) {
    const clusterId = membership.get(card.id);
    const view = typeof clusterId === 'string' ? views.get(clusterId) : undefined;
    if (!view) continue;
    view.ideaIds.push(card.id);
    if (foldedInto(doc, card.id, visible) !== null) view.mergedCount += 1;
  }
  return [...views.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The idea this one is folded into as a near-duplicate, or null. A fold counts only while the
 * other idea is still visible and in the same cluster (or both in none): every reader — cluster
 * counts, vote items — agrees on it.
 */
export function foldedInto(doc: Y.Doc, ideaId: string, visible: ReadonlySet<string> = new Set(readIdeaCards(doc).map((c) => c.id))): string | null {
  const { membership, merged } = clusterMaps(doc);
  const canonical = merged.get(ideaId);
  if (typeof canonical !== 'string' || canonical === ideaId || !visible.has(canonical)) return null;
  return membership.get(canonical) === membership.get(ideaId) ? canonical : null;
}

/** Ideas in no (valid) cluster. */
export function unclusteredIdeaIds(doc: Y.Doc): string[] {
  const inCluster = new Set(readClusters(doc).flatMap((c) => c.ideaIds));
  return readIdeaCards(doc).map((c) => c.id).filter((id) => !inCluster.has(id));
}

export function createCluster(doc: Y.Doc, record: ClusterRecord, ideaIds: string[], origin: unknown = null): void {
  const { clusters, membership } = clusterMaps(doc);
  doc.transact(() => {
    clusters.set(record.id, record);
    for (const id of ideaIds) membership.set(id, record.id);
  }, origin);
}

export function setIdeaCluster(doc: Y.Doc, ideaId: string, clusterId: string | null, origin: unknown = null): void {
  const { membership, merged } = clusterMaps(doc);
  doc.transact(() => {
    if (clusterId === null) {
      membership.delete(ideaId);
      merged.delete(ideaId);
    } else membership.set(ideaId, clusterId);
  }, origin);
}

export function renameCluster(doc: Y.Doc, clusterId: string, title: string, origin: unknown = null): void {
  const { clusters } = clusterMaps(doc);
  const current = clusterRecordSchema.safeParse(clusters.get(clusterId));
  if (current.success) doc.transact(() => clusters.set(clusterId, { ...current.data, title }), origin);
}

/** Moves every idea of `from` into `into` and removes `from`. */
export function mergeClusters(doc: Y.Doc, into: string, from: string, origin: unknown = null): void {
  const { clusters, membership } = clusterMaps(doc);
  doc.transact(() => {
    membership.forEach((clusterId, ideaId) => {
      if (clusterId === from) membership.set(ideaId, into);
    });
    clusters.delete(from);
  }, origin);
}

/** A new cluster made of some ideas of an existing one. */
export function splitCluster(doc: Y.Doc, record: ClusterRecord, ideaIds: string[], origin: unknown = null): void {
  createCluster(doc, record, ideaIds, origin);
}

export function deleteCluster(doc: Y.Doc, clusterId: string, origin: unknown = null): void {
  const { clusters, membership, merged } = clusterMaps(doc);
  doc.transact(() => {
    membership.forEach((c, ideaId) => {
      if (c === clusterId) {
        membership.delete(ideaId);
        merged.delete(ideaId);
      }
    });
    clusters.delete(clusterId);
  }, origin);
}

/** Marks `ideaId` as saying the same as `canonicalId` (both end up in the canonical's cluster). */
export function markDuplicate(doc: Y.Doc, ideaId: string, canonicalId: string | null, origin: unknown = null): void {
  const { membership, merged } = clusterMaps(doc);
  doc.transact(() => {
    if (canonicalId === null || canonicalId === ideaId) return void merged.delete(ideaId);
    merged.set(ideaId, canonicalId);
    const clusterId = membership.get(canonicalId);
    if (typeof clusterId === 'string') membership.set(ideaId, clusterId);
  }, origin);
}

