import { useTranslation } from 'react-i18next';
import type { AdminEventResult } from '@semis/shared';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { CopyButton } from '../ui/CopyButton';
import { QrCode } from './QrCode';
import { AddAteliers } from './AddAteliers';
import { useAdminEvent } from './useAdminEvent';

export function Console() {
  const { t } = useTranslation();
  const { token, state, setAteliers } = useAdminEvent();

  if (state.kind === 'noToken' || !token) {
    return (
      <Page>
        <ErrorMessage text={t('console.noToken')} />
        <Link href="/creer" className="button primary">
          {t('home.createLink')}
        </Link>
      </Page>
    );
  }
  if (state.kind === 'loading') {
    return (
      <Page>
        <p aria-busy="true">{t('app.loading')}</p>
      </Page>
    );
  }
  if (state.kind === 'error') {
    return (
      <Page>
        {state.unauthorized ? <ErrorMessage text={t('console.badToken')} /> : <ErrorMessage error={state.error} />}
        <Link href="/">{t('app.home')}</Link>
      </Page>
    );
  }

  return (
    <Page wide>
      <ConsoleBody data={state.data} token={token} onAteliers={setAteliers} />
    </Page>
  );
}

function ConsoleBody({ data, token, onAteliers }: { data: AdminEventResult; token: string; onAteliers: (a: AdminEventResult['ateliers']) => void }) {
  const { t, i18n } = useTranslation();
  const { event, ateliers, links } = data;
  // Same shape as the server's links.admin; rebuilt here because the server only returns it once.
  const adminLink = `${location.origin}/animer#${token}`;
  const date = event.date
    ? new Date(`${event.date}T12:00:00`).toLocaleDateString(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    : t('console.noDate');

  return (
    <div className="stack">
      <header>
        <p className="eyebrow">{t('console.title')}</p>
        <h1>{event.name}</h1>
        <p className="hint">
          {date}
          {event.place ? ` · ${event.place}` : ''}
        </p>
      </header>

      <section className="card projector">
        <div className="join-block">
          <p className="eyebrow">{t('console.joinCodeLabel')}</p>
          <p className="join-code" data-testid="join-code">
            {event.joinCode}
          </p>
          <p className="eyebrow">{t('console.participantLink')}</p>
          <a className="participant-link" data-testid="participant-link" href={links.participant} target="_blank" rel="noreferrer">
            {links.participant}
          </a>
        </div>
        <figure className="qr-block">
          <QrCode text={links.participant} alt={t('console.qrAlt')} />
          <figcaption className="hint">{t('console.qrHint')}</figcaption>
        </figure>
      </section>

      <section className="card private">
        <h2>{t('console.adminLink')}</h2>
        <p className="warning">⚠ {t('console.adminWarning')}</p>
        <div className="copy-row">
          <a data-testid="admin-link" href={adminLink} className="admin-link">
            {adminLink}
          </a>
          <CopyButton text={adminLink} />
        </div>
      </section>

      <section className="stack">
        <h2>{t('console.ateliers')}</h2>
        <ol className="console-ateliers">
          {[...ateliers].sort((a, b) => a.position - b.position).map((a) => (
            <li key={a.id} className="card">
              <div>
                <strong>{a.title}</strong>
                {a.question && <p className="hint">{a.question}</p>}
              </div>
              <Link href={`/animer/mur/${a.id}`} data-testid="open-wall" className="button primary">
                {t('console.openWall')}
              </Link>
            </li>
          ))}
        </ol>
      </section>

      <Link href="/animer/projets" className="button secondary" data-testid="portfolio-link">{t('votes.candidates.portfolioLink')}</Link>
      <AddAteliers token={token} onAdded={onAteliers} />
    </div>
  );
}
