import type { IdeaCard } from '@semis/shared';

/** Lower case without accents, so "creche" finds "crèche" and "Épicerie" finds "epicerie". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');

/** The ideas whose text or author contains every word of the query; null for an empty query. */
export function matchingIdeas(cards: readonly IdeaCard[], query: string): ReadonlySet<string> | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new Set(cards.filter((c) => words.every((w) => fold(`${c.text} ${c.author}`).includes(w))).map((c) => c.id));
}
