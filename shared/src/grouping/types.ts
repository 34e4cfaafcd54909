/** The grouping's public types (shared by the cross-theme and the wall pipelines). */
export interface GroupingInput { id: string; text: string }
export interface GroupingOptions {
  /** 0 = coarsest … 1 = finest, default 0.5 (also in atelier mode). */
  granularity?: number;
  /** Optional atelier themes: clusters are then named after, and keyed by, the matching theme. */
  themes?: { id: string; label: string }[];
  /** One atelier's wall: sub-topics within it (the wall's case). Absent = cross-theme grouping. */
  atelier?: { title: string; question?: string };
  /** The facilitator's own clusters on the board (their ideas are included in `ideas`): never split
   *  or renamed; new ideas close to one are proposed as additions to it. */
  keep?: { id: string; title: string; ideaIds: string[] }[];
}
export interface SuggestedCluster {
  id: string;
  title: string;
  ideaIds: string[];
  /** The words that make the cluster (most central first), readable French. */
  keywords: string[];
  /** Why each idea is here: the shared or related words (ideaId → words; related shown as "vélo ≈ cyclable"). */
  why: Record<string, string[]>;
  /** Set when this suggestion adds `ideaIds` (new ideas only) to the facilitator's cluster `keepId`. */
  keepId?: string;
}
export interface SuggestedDuplicate { id: string; ideaIds: string[]; why: string[] }
export interface GroupingResult { clusters: SuggestedCluster[]; duplicates: SuggestedDuplicate[] }
