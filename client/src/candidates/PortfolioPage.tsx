import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusOptions } from './StatusOptions';
import type { Atelier, Candidate, CandidateStatus } from '@semis/shared';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useAdminEvent } from '../facilitator/useAdminEvent';
import { useFacilitatorSession } from '../sync/useFacilitatorSession';
import { useCandidates } from './useCandidates';
import { CandidateDetail } from './CandidateDetail';
import { PlenaryControls } from './PlenaryControls';
import './candidates.css';
import './print.css';
import { PortfolioPrint } from './PortfolioPrint';
import { PortfolioExports } from '../exports/PortfolioExports';

/** /animer/projets — every project candidate of the event, by atelier, and the final vote. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const { token, state } = useAdminEvent();
  const { session, state: live } = useFacilitatorSession(token);
  const fac = { socket: session?.socket ?? null, ready: live.status === 'ready', error: live.error };
  const { candidates, error, upsert } = useCandidates(fac.socket, fac.ready);
  const [filter, setFilter] = useState<CandidateStatus | 'all'>('all');
  const [openId, setOpenId] = useState<string | null>(null);

  if (state.kind !== 'ready' || !token) {
    return (
      <Page>
        {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
        {state.kind === 'noToken' && <ErrorMessage text={t('console.noToken')} />}
        {state.kind === 'error' && (state.unauthorized ? <ErrorMessage text={t('console.badToken')} /> : <ErrorMessage error={state.error} />)}
      </Page>
    );
  }
  const ateliers = [...state.data.ateliers].sort((a, b) => a.position - b.position);
  const shown = (candidates ?? []).filter((c) => filter === 'all' || c.status === filter);

  return (
    <Page wide>
      <div className="stack" data-testid="portfolio">
        <header className="portfolio-head">
          <div>
            <p className="eyebrow">{state.data.event.name}</p>
            <h1>{t('votes.candidates.portfolio')}</h1>
            <p className="hint">{t('votes.candidates.portfolioIntro')}</p>
          </div>
          <Link href="/animer" className="button secondary small">
            {t('votes.candidates.backToConsole')}
          </Link>
        </header>
        <PortfolioExports token={token} />
        <ErrorMessage error={fac.error ?? error} />
        <label className="field inline">
          {t('votes.candidates.filter')}
          <select data-testid="candidate-filter" value={filter} onChange={(e) => setFilter(e.target.value as CandidateStatus | 'all')}>
            <option value="all">{t('votes.candidates.all')}</option>
            <StatusOptions />
          </select>
        </label>
        {candidates === null ? (
          <p aria-busy="true">{t('app.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="hint">{t('votes.candidates.none')}</p>
        ) : (
          ateliers.map((a) => (
            <AtelierCandidates
              key={a.id}
              atelier={a}
              candidates={shown.filter((c) => c.atelierId === a.id)}
              openId={openId}
              onToggle={(id) => setOpenId(openId === id ? null : id)}
              renderCard={(c) => <CandidateDetail socket={fac.socket} token={token} atelier={a} candidate={c} onSaved={upsert} />}
            />
          ))
        )}
        <PlenaryControls socket={fac.socket} ready={fac.ready} />
        <PortfolioPrint ateliers={ateliers} candidates={shown} />
      </div>
    </Page>
  );
}

interface GroupProps {
  atelier: Atelier;
  candidates: Candidate[];
  openId: string | null;
  onToggle: (id: string) => void;
  renderCard: (c: Candidate) => ReactNode;
}

function AtelierCandidates({ atelier, candidates, openId, onToggle, renderCard }: GroupProps) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <section className="stack" aria-label={`${t('votes.candidates.atelier')} ${atelier.title}`}>
      <h2>{atelier.title}</h2>
      <ul className="candidate-rows">
        {candidates.map((c) => (
          <li key={c.id} className="card candidate-row" data-testid="candidate-row" data-candidate-id={c.id} data-status={c.status}>
            <div className="candidate-row-head">
              <strong className="grow">{c.title}</strong>
              <span className={`status-chip status-${c.status}`}>{t(`votes.candidates.statuses.${c.status}`)}</span>
              <button type="button" className="secondary small" data-testid="candidate-open" aria-expanded={openId === c.id} onClick={() => onToggle(c.id)}>
                {openId === c.id ? t('votes.candidates.close') : t('votes.candidates.open')}
              </button>
            </div>
            {c.porteur && <p className="hint">{t('votes.candidates.porteur')} : {c.porteur}</p>}
            {openId === c.id && renderCard(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}
