import { DOMAINS, symbolById, symbolOrder, type Domain, type SymbolDef } from '../chorems/catalogue';
import type { Shape } from '../ydoc/poster';

export interface LegendEntry {
  symbol: SymbolDef;
  /** How many elements of the poster use it. */
  count: number;
  /** Labels the group wrote on those elements, in drawing order, without repeats. */
  labels: string[];
}
export interface LegendSection {
  domain: Domain;
  entries: LegendEntry[];
}

/**
 * The poster's legend: the symbols actually used, grouped by domaine d'appréciation, in the
 * palette's order. Built from the document on every change, so it is never out of date.
 * Hidden domains are left out: the legend describes what is shown.
 */
export function buildLegend(shapes: Iterable<Shape>, visible: ReadonlySet<Domain> = new Set(DOMAINS)): LegendSection[] {
  const byDomain = new Map<Domain, Map<string, LegendEntry>>();
  for (const s of shapes) {
    if (!('symbol' in s) || !s.symbol || !visible.has(s.domain)) continue;
    const symbol = symbolById(s.symbol);
    if (!symbol) continue;
    let entries = byDomain.get(s.domain);
    if (!entries) byDomain.set(s.domain, (entries = new Map()));
    let entry = entries.get(symbol.id);
    if (!entry) entries.set(symbol.id, (entry = { symbol, count: 0, labels: [] }));
    entry.count += 1;
    const label = s.label.trim();
    if (label && !entry.labels.includes(label)) entry.labels.push(label);
  }
  return DOMAINS.filter((d) => byDomain.has(d)).map((domain) => ({
    domain,
    entries: [...byDomain.get(domain)!.values()].sort((a, b) => symbolOrder(a.symbol.id) - symbolOrder(b.symbol.id)),
  }));
}
