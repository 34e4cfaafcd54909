import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_MAX, RATING_MIN, type VoteItem, type VoteResults } from '@semis/shared';
import './votes.css';

const SIZE = 400;
const PAD = 36;
const INNER = SIZE - 2 * PAD;
/** 1–4 on both axes; the quadrants split at the middle (2.5), as ratingSummary does. */
const scale = (v: number) => ((v - RATING_MIN) / (RATING_MAX - RATING_MIN)) * INNER;

const QUADRANTS = [
  { key: 'a-rendre-realiste', x: 0, y: 0, fill: '#fff1d6' },
  { key: 'prioritaire', x: 1, y: 0, fill: '#dff0e3' },
  { key: 'a-ecarter', x: 0, y: 1, fill: '#f1e4e2' },
  { key: 'facile-mais-peu-souhaite', x: 1, y: 1, fill: '#e6ecf5' },
] as const;

/**
 * The 2×2 chart of a rating vote: réaliste (feasibility) across, souhaitable (desirability) up.
 * Points are numbered; the legend below names them, so long titles never overlap on the chart.
 * `action` puts a control after each legend line, as in VoteResultsBars.
 */
export function RatingChart({ results, items, big = false, action }: { results: VoteResults; items: VoteItem[]; big?: boolean; action?: (itemId: string) => ReactNode }) {
  const { t } = useTranslation();
  const rated = results.ratings.filter((r) => r.desirability !== null && r.feasibility !== null);
  const title = new Map(items.map((i) => [i.itemId, i.title]));
  const half = INNER / 2;
  return (
    <figure className={big ? 'rating-chart big' : 'rating-chart'} data-testid="rating-chart">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={t('votes.results.chartLabel')}>
        <g transform={`translate(${PAD} ${PAD})`}>
          {QUADRANTS.map((q) => (
            <g key={q.key}>
              <rect x={q.x * half} y={q.y * half} width={half} height={half} fill={q.fill} />
              <text x={q.x * half + half / 2} y={q.y * half + 16} textAnchor="middle" className="quadrant-name">
                {t(`votes.results.quadrant.${q.key}`)}
              </text>
            </g>
          ))}
          <rect width={INNER} height={INNER} fill="none" stroke="#4f5a52" />
          {rated.map((r, i) => (
            <g key={r.itemId} transform={`translate(${scale(r.feasibility!)} ${INNER - scale(r.desirability!)})`}>
              <circle r={11} className="rating-point" />
              <text textAnchor="middle" dy="4" className="rating-point-label">
                {i + 1}
              </text>
            </g>
          ))}
        </g>
        <text x={SIZE / 2} y={SIZE - 8} textAnchor="middle" className="axis-name">
          {t('votes.results.axisFeasibility')} →
        </text>
        <text x={12} y={SIZE / 2} textAnchor="middle" className="axis-name" transform={`rotate(-90 12 ${SIZE / 2})`}>
          {t('votes.results.axisDesirability')} →
        </text>
      </svg>
      <figcaption>
        <ol className="rating-legend">
          {rated.map((r) => (
            <li key={r.itemId} data-testid="rating-row" data-item-id={r.itemId} data-quadrant={r.quadrant ?? ''}>
              <strong>{title.get(r.itemId) ?? r.itemId}</strong> — {t(`votes.results.quadrant.${r.quadrant!}`)} ·{' '}
              {t('votes.results.means', { d: r.desirability!, f: r.feasibility! })} · {t('votes.results.raters', { count: r.raters })}
              {action?.(r.itemId)}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
