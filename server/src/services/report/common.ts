import { REPORT_WORDS, fill, plural, type Candidate, type Language } from '@semis/shared';
import { barChartSvg, ratingChartSvg } from '@semis/shared/render';
import type { ReportData, VoteReport } from './collect';

/** What the PDF and HTML renderers draw the same way. */

export function rankLabel(rank: number, lang: Language): string {
  const w = REPORT_WORDS[lang];
  return rank === 1 ? w.first : fill(w.rank, { n: rank });
}

/** The dot vote as bars, best first; ties said in words. */
export function voteBars(v: VoteReport, lang: Language): string {
  const w = REPORT_WORDS[lang];
  return barChartSvg(
    v.dots.map((d) => ({ label: d.title, value: d.dots, note: `${plural(w.dots, d.dots)} · ${rankLabel(d.rank, lang)}${d.tied ? ` ${w.tie}` : ''}` })),
  );
}

/** Rated items only, numbered in the order of the list printed under the chart. */
export function ratedItems(v: VoteReport) {
  return v.ratings.filter((r) => r.raters > 0 && r.desirability !== null && r.feasibility !== null);
}

export function ratingChart(v: VoteReport, lang: Language): string {
  const w = REPORT_WORDS[lang];
  const points = ratedItems(v).map((r, i) => ({ key: i + 1, desirability: r.desirability!, feasibility: r.feasibility! }));
  return ratingChartSvg(points, { desirability: w.desirability, feasibility: w.feasibility, quadrants: w.quadrant });
}

export function ratingLine(r: VoteReport['ratings'][number], i: number, lang: Language): string {
  const w = REPORT_WORDS[lang];
  const quadrant = r.quadrant ? ` — ${w.quadrant[r.quadrant]}` : '';
  return `${i + 1}. ${r.title} : ${w.desirability.toLowerCase()} ${r.desirability!.toFixed(1)} · ${w.feasibility.toLowerCase()} ${r.feasibility!.toFixed(1)} (${fill(w.raters, { n: r.raters })})${quadrant}`;
}

/** "jeudi 12 mars 2026" from an ISO date, at noon so no time zone moves the day. */
export function formatDate(isoDate: string, lang: Language): string {
  return new Date(`${isoDate.slice(0, 10)}T12:00:00Z`).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The cover's figures with their words, singular or plural. */
export function countLabels(data: ReportData): [number, string][] {
  const w = REPORT_WORDS[data.lang];
  return (['participants', 'ideas', 'votes', 'candidates', 'ateliers'] as const).map((k) => [data.counts[k], w.counts[k][data.counts[k] === 1 ? 0 : 1]]);
}

/** Atelier pages are printed only when one of their sections is asked for (a portfolio-only
 * report has none). */
export function atelierPages(data: ReportData): boolean {
  return (['ideas', 'votes', 'posters', 'afom', 'debates'] as const).some((s) => data.sections.has(s));
}

/** "☑ 15 mai 2026 — Étude de marché" */
export function stepLines(c: Candidate, lang: Language): string[] {
  const w = REPORT_WORDS[lang];
  return c.steps.map((s) => `${s.done ? '☑' : '☐'} ${s.due ? formatDate(s.due, lang).replace(/^\S+ /, '') : w.noDue} — ${s.text}`);
}

/** "12 mars 2026 · animation : Idée → Pilote — « note »" */
export function historyLines(c: Candidate, lang: Language): string[] {
  const w = REPORT_WORDS[lang];
  return c.history.map((h) => {
    const move = h.from === null ? (w.statuses[h.to] ?? h.to) : `${w.statuses[h.from] ?? h.from} → ${w.statuses[h.to] ?? h.to}`;
    return `${formatDate(h.at, lang).replace(/^\S+ /, '')} · ${h.who} : ${move}${h.note ? ` — « ${h.note} »` : ''}`;
  });
}
