import { useTranslation } from 'react-i18next';
import type { AdminEventResult, Atelier } from '@semis/shared';
import { Link } from '../router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { CopyButton } from '../ui/CopyButton';
import { useFacilitatorSession } from '../sync/useFacilitatorSession';
import { JoinBlock } from './JoinBlock';
import { AddAteliers } from './AddAteliers';
import { AdminGate } from './AdminGate';
import { Dashboard } from './dashboard/Dashboard';
import { AdminGroups } from '../posterWorkshop/AdminGroups';
import { ReportPanel } from '../exports/ReportPanel';

export function Console() {
  return (
    <AdminGate wide>
      {({ data, token, setAteliers }) => <ConsoleBody data={data} token={token} onAteliers={setAteliers} />}
    </AdminGate>
  );
}

function ConsoleBody({ data, token, onAteliers }: { data: AdminEventResult; token: string; onAteliers: (a: Atelier[]) => void }) {
  const { t, i18n } = useTranslation();
  const { session, state } = useFacilitatorSession(token);
  const { event } = data;
  const wholeEvent = data.scope === null;
  // Same shape as the server's links.admin (rebuilt: the server returns it only once), on the
  // address other laptops can reach, like the join link.
  const adminLink = `${data.links.base}/animer#${token}`;
  const date = event.date
    ? new Date(`${event.date}T12:00:00`).toLocaleDateString(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    : t('console.noDate');
  // The HTTP answer paints the page at once; the live connection takes over when it's there.
  const live = state.status === 'ready' ? state : { ...state, ateliers: data.ateliers, scope: data.scope };

  return (
    <div className="stack">
      <header className="console-head">
        <div>
          <p className="eyebrow">{wholeEvent ? t('console.title') : t('console.cofacTitle', { actor: data.actor })}</p>
          <h1>{event.name}</h1>
          <p className="hint">
            {date}
            {event.place ? ` · ${event.place}` : ''}
          </p>
        </div>
        <Link href="/projection" className="button secondary" data-testid="open-projector" target="_blank">
          {t('console.openProjector')}
        </Link>
      </header>

      <JoinBlock data={data} />

      {state.error && <ErrorMessage error={state.error} />}
      <Dashboard session={session} state={live} />

      <section className="card private">
        <h2>{wholeEvent ? t('console.adminLink') : t('console.cofacLink')}</h2>
        <p className="warning">⚠ {t('console.adminWarning')}</p>
        <div className="copy-row">
          <a data-testid="admin-link" href={adminLink} className="admin-link">
            {adminLink}
          </a>
          <CopyButton text={adminLink} />
        </div>
      </section>

      <Link href="/animer/projets" className="button secondary" data-testid="portfolio-link">{t('votes.candidates.portfolioLink')}</Link>
      <ReportPanel token={token} ateliers={live.ateliers} wholeEvent={wholeEvent} />
      {wholeEvent && (
        <AddAteliers
          token={token}
          onAdded={(all) => {
            onAteliers(all);
            // Joining the new ateliers' rooms is part of auth.
            void session?.authenticate();
          }}
        />
      )}
      <AdminGroups token={token} ateliers={live.ateliers} />
    </div>
  );
}
