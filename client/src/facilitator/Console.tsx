import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminEventResult, Atelier } from '@semis/shared';
import { Link } from '../router';
import { ErrorMessage } from '../ui/ErrorMessage';
import { CopyButton } from '../ui/CopyButton';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useFacilitatorSession } from '../sync/useFacilitatorSession';
import { JoinBlock } from './JoinBlock';
import { PresentControls } from './present/PresentControls';
import { AddAteliers } from './AddAteliers';
import { AdminGate } from './AdminGate';
import { Dashboard } from './dashboard/Dashboard';
import { AdminGroups } from '../posterWorkshop/AdminGroups';
import { ReportPanel } from '../exports/ReportPanel';

export function Console() {
  return (
    <AdminGate bare>
      {({ data, token, setAteliers }) => <ConsoleBody data={data} token={token} onAteliers={setAteliers} />}
    </AdminGate>
  );
}

/** The cockpit: who the evening is, the way in for phones and the private link on top, then
 * every atelier on one screen; the less frequent tools (adding ateliers, poster groups) below. */
function ConsoleBody({ data, token, onAteliers }: { data: AdminEventResult; token: string; onAteliers: (a: Atelier[]) => void }) {
  const { t, i18n } = useTranslation();
  const { session, state } = useFacilitatorSession(token);
  const { event } = data;
  const wholeEvent = data.scope === null;
  const [showAdmin, setShowAdmin] = useState(false);
  // Same shape as the server's links.admin (rebuilt: the server returns it only once), on the
  // address other laptops can reach, like the join link.
  const adminLink = `${data.links.base}/animer#${token}`;
  const date = event.date
    ? new Date(`${event.date}T12:00:00`).toLocaleDateString(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    : t('console.noDate');
  // The HTTP answer paints the page at once; the live connection takes over when it's there.
  const live = state.status === 'ready' ? state : { ...state, ateliers: data.ateliers, scope: data.scope };

  return (
    <main className="console-page" data-testid="console">
      <header className="console-top">
        <div className="console-event">
          <p className="eyebrow">{wholeEvent ? t('console.title') : t('console.cofacTitle', { actor: data.actor })}</p>
          <h1>{event.name}</h1>
          <p className="hint">
            {date}
            {event.place ? ` · ${event.place}` : ''}
          </p>
          <LanguageSwitch />
        </div>

        <div className="console-join">
          <JoinBlock data={data} />
        </div>

        <section className="console-private" aria-labelledby="admin-link-title">
          <h2 id="admin-link-title" className="eyebrow">{wholeEvent ? t('cockpit.adminLink') : t('console.cofacLink')}</h2>
          <div className="copy-row">
            <CopyButton text={adminLink} />
            <button type="button" className="link small" aria-expanded={showAdmin} aria-controls="admin-link" onClick={() => setShowAdmin(!showAdmin)}>
              {showAdmin ? t('cockpit.hideLink') : t('cockpit.showLink')}
            </button>
          </div>
          <a id="admin-link" data-testid="admin-link" href={adminLink} className={showAdmin ? 'admin-link' : 'admin-link visually-hidden'}>
            {adminLink}
          </a>
          <p className="hint" title={t('console.adminWarning')}>⚠ {t('console.adminWarning')}</p>
        </section>

        <nav className="console-nav" aria-label={t('console.title')}>
          <Link href="/projection" className="button secondary small" data-testid="open-projector" target="_blank">
            {t('console.openProjector')}
          </Link>
          <Link href="/animer/moderation" className="button secondary small" data-testid="open-mod-queue">{t('cockpit.moderationAll')}</Link>
          <Link href="/animer/projets" className="button secondary small" data-testid="portfolio-link">{t('votes.candidates.portfolioLink')}</Link>
          <Link href="/animer/affiches" className="button secondary small" data-testid="print-posters" target="_blank" title={t('join.printHint')}>
            {t('join.printPosters')}
          </Link>
        </nav>
      </header>

      {state.error && <ErrorMessage error={state.error} />}
      <Dashboard session={session} state={live} />

      <div className="console-more stack">
        <p className="hint">{t('cockpit.moreTools')}</p>
        <PresentControls session={session} ready={state.status === 'ready'} ateliers={live.ateliers} />
        <ReportPanel token={token} ateliers={live.ateliers} wholeEvent={wholeEvent} joinCode={event.joinCode} eventName={event.name} retentionDays={event.retentionDays} />
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
    </main>
  );
}
