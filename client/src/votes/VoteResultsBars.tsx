import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VoteItem, VoteResults } from '@semis/shared';
import './votes.css';

/**
 * Ranked dot counts as bars (walls, phones, projector). Ties are shown as ties: equal counts
 * share a rank (the server's "1224" ranking) and say "ex æquo", never an arbitrary order.
 * `action` puts a control under each row (the wall's "promouvoir" once the vote is closed).
 */
export function VoteResultsBars({ results, items, big = false, action }: { results: VoteResults; items: VoteItem[]; big?: boolean; action?: (itemId: string) => ReactNode }) {
  const { t } = useTranslation();
  const title = new Map(items.map((i) => [i.itemId, i.title]));
  const atelier = new Map(items.flatMap((i) => (i.context ? [[i.itemId, i.context.atelier] as const] : [])));
  const max = Math.max(1, ...results.tally.map((r) => r.dots));
  return (
    <div className={big ? 'results big' : 'results'} data-testid="vote-results">
      <p className="hint">{t('votes.results.participants', { count: results.participants })}</p>
      <ol className="result-rows">
        {results.tally.map((r) => (
          <li key={r.itemId} className="result-row" data-testid="result-row" data-item-id={r.itemId} data-dots={r.dots} data-rank={r.rank}>
            <span className="result-rank" aria-label={r.tied ? `${rankText(t, r.rank)} ${t('votes.results.tie')}` : undefined}>
              {rankText(t, r.rank)}
            </span>
            <span className="result-body">
              <span className="result-title">
                {title.get(r.itemId) ?? r.itemId}
                {r.tied && <span className="tie-badge">{t('votes.results.tie')}</span>}
              </span>
              {atelier.get(r.itemId) && <span className="result-context">{t('votes.plenary.fromAtelier', { atelier: atelier.get(r.itemId) })}</span>}
              <span className="result-bar-track" aria-hidden="true">
                <span className="result-bar" style={{ width: `${(r.dots / max) * 100}%` }} />
              </span>
              <span className="result-numbers">
                {t('votes.results.dots', { count: r.dots })} · {t('votes.results.voters', { count: r.voters })}
              </span>
              {action?.(r.itemId)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export const rankText = (t: TFunction, rank: number): string => (rank === 1 ? t('votes.results.first') : t('votes.results.rank', { rank }));
