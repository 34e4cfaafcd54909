import { GROUPING_MAX_KEEP, IDEA_MAX, type ClusterView, type GroupingSuggestion, type IdeaCard } from '@semis/shared';
import { clusterTitle } from '@semis/shared/grouping';
import type { GroupingTask } from './task';

/** Sizes the grouping is given and gives back, whatever the board document holds: the document is
 * written by many hands, and the ack goes to a browser. */
const TITLE_MAX = 120;
const QUESTION_MAX = 280;
const KEYWORDS_MAX = 8;
const WHY_WORDS_MAX = 6;
const WORD_MAX = 60;

/**
 * What the wall's "Suggérer des regroupements" asks of the grouping: every visible idea, the
 * atelier's title and question (sub-topics within it), and the facilitator's clusters to keep
 * (their ideas stay where they are; new ideas may be proposed as additions). Beyond
 * GROUPING_MAX_KEEP clusters, the smaller ones' ideas are left out altogether: they are grouped
 * already, and must not be proposed elsewhere either.
 */
export function wallGroupingTask(
  cards: readonly IdeaCard[],
  clusters: readonly ClusterView[],
  atelier: { title: string; question: string },
  granularity: number,
): GroupingTask {
  const texts = new Map(cards.map((c) => [c.id, c.text]));
  const ranked = [...clusters].sort((a, b) => b.ideaIds.length - a.ideaIds.length);
  const kept = ranked.slice(0, GROUPING_MAX_KEEP);
  const dropped = new Set(ranked.slice(GROUPING_MAX_KEEP).flatMap((c) => c.ideaIds));
  return {
    ideas: cards.filter((c) => !dropped.has(c.id)).map((c) => ({ id: c.id, text: c.text.slice(0, IDEA_MAX * 2) })),
    options: {
      granularity,
      atelier: { title: atelier.title.slice(0, TITLE_MAX), question: atelier.question.slice(0, QUESTION_MAX) },
      keep: kept.map((c) => ({ id: c.id, title: clusterTitle(c, (id) => texts.get(id)).slice(0, TITLE_MAX), ideaIds: c.ideaIds })),
    },
  };
}

const words = (list: unknown, max: number): string[] =>
  (Array.isArray(list) ? list : []).filter((w): w is string => typeof w === 'string').slice(0, max).map((w) => w.slice(0, WORD_MAX));

/** The ack's shape, bounded: a few keywords per cluster, a few words per idea, `why` only for
 * the cluster's own ideas, `keepId` only naming a cluster that was sent to be kept. */
export function fitSuggestion(result: GroupingSuggestion, task: GroupingTask): GroupingSuggestion {
  const keepIds = new Set((task.options.keep ?? []).map((k) => k.id));
  return {
    clusters: result.clusters.map((c) => ({
      id: c.id,
      title: c.title.slice(0, TITLE_MAX),
      ideaIds: c.ideaIds,
      keywords: words(c.keywords, KEYWORDS_MAX),
      why: Object.fromEntries(c.ideaIds.map((id) => [id, words(c.why?.[id], WHY_WORDS_MAX)] as const).filter(([, w]) => w.length > 0)),
      ...(c.keepId !== undefined && keepIds.has(c.keepId) ? { keepId: c.keepId } : {}),
    })),
    duplicates: result.duplicates.map((d) => ({ id: d.id, ideaIds: d.ideaIds, why: words(d.why, WHY_WORDS_MAX) })),
  };
}
