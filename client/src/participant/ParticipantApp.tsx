import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { errorText } from '../sync/errors';
import { useParticipantSession } from '../sync/useParticipantSession';
import { JoinForm } from './JoinForm';
import { AtelierPicker } from './AtelierPicker';
import { AtelierScreen } from './AtelierScreen';
import { PlenaryBanner } from '../votes/PlenaryBanner';
import type { Connection } from '../sync/useParticipantSession';
import { usePresetAtelier } from './usePresetAtelier';

/** /j/:code[/:atelierId] — the phone screens: pseudonym, atelier picker, then the atelier itself. */
export function ParticipantApp({ code, atelierId }: { code: string; atelierId?: string }) {
  const { t } = useTranslation();
  const p = useParticipantSession(code);
  const { session, atelier } = p;
  usePresetAtelier(code, atelierId, { joinedAs: session.participant, ateliers: session.ateliers }, p.enterAtelier);

  let screen;
  if (p.blocked) {
    screen = <BlockedScreen />;
  } else if (p.infoError && !session.event) {
    screen = (
      <>
        <ErrorMessage error={p.infoError} />
        <Link href="/" className="button secondary">
          {t('app.back')}
        </Link>
      </>
    );
  } else if (!session.token || !session.participant) {
    // From a per-atelier QR code, the join enters that atelier too (one round trip).
    const preset = session.ateliers.some((a) => a.id === atelierId) ? atelierId : undefined;
    screen = session.event ? (
      <JoinForm eventName={session.event.name} retentionDays={session.event.retentionDays} onJoin={(name) => p.join(name, preset)} />
    ) : (
      <p aria-busy="true">{t('app.loading')}</p>
    );
  } else if (!atelier) {
    screen = <AtelierPicker ateliers={session.ateliers} onPick={p.enterAtelier} />;
  } else {
    screen = (
      <AtelierScreen
        key={atelier.id}
        atelier={atelier}
        eventTimer={session.event?.timer ?? null}
        token={session.token}
        me={session.participant}
        pending={p.pending}
        views={p.views}
        lastSent={p.lastSent}
        onPost={p.post}
        onEdit={p.edit}
        onDelete={p.remove}
        socket={p.socket}
        joined={p.joined}
      />
    );
  }

  const showBanner = !!session.participant && !p.blocked && (p.connection === 'offline' || p.connection === 'unstable');
  return (
    <Page>
      <div className="participant-bar">
        <ConnectionStatus connection={p.connection} hidden={p.blocked} />
        {session.participant && <span className="hint">{t('participant.you', { name: session.participant.pseudonym })}</span>}
        {session.participant && !p.blocked && (
          <Link href={`/j/${encodeURIComponent(code)}/groupes`} className="button secondary small" data-testid="open-groups">
            {t('posters.title')}
          </Link>
        )}
        {atelier && session.participant && !p.blocked && (
          <button type="button" className="secondary small" data-testid="change-atelier" onClick={p.leaveAtelier}>
            {t('participant.changeAtelier')}
          </button>
        )}
      </div>
      {showBanner && (
        <p className="offline-banner" role="status" data-testid="connection-banner">
          {t(p.connection === 'unstable' ? 'participant.unstableBanner' : 'participant.offlineBanner')}
        </p>
      )}
      {p.renamed && (
        <p className="warning" role="status" data-testid="pseudonym-renamed">
          {t('participant.renamed', { asked: p.renamed.asked, given: p.renamed.given })}
        </p>
      )}
      {p.error && (
        <ErrorMessage
          text={p.error.text ? t('participant.rejected', { text: p.error.text, reason: errorText(t, p.error.error) }) : errorText(t, p.error.error)}
        />
      )}
      {session.participant && <PlenaryBanner socket={p.socket} joined={p.joined} />}
      {screen}
    </Page>
  );
}

const CONNECTION_TEXT = {
  connecting: 'status.connecting',
  online: 'participant.online',
  unstable: 'participant.unstable',
  offline: 'participant.offline',
} as const satisfies Record<Connection, string>;

/** Honest about the link: *connexion instable* as soon as the server stops answering, not
 * when socket.io finally gives up 45 s later. */
function ConnectionStatus({ connection, hidden }: { connection: Connection; hidden: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="status-line" data-testid="connection-status" data-online={connection === 'online' ? 'true' : 'false'} data-connection={connection} hidden={hidden}>
      <span className={`dot dot-${connection}`} aria-hidden="true" />
      {t(CONNECTION_TEXT[connection])}
    </span>
  );
}

/** Terminal on purpose: no reconnect loop. A reload shows the pseudonym form, where the server
 * explains the refusal if the same person tries again. */
function BlockedScreen() {
  const { t } = useTranslation();
  return (
    <div className="card stack blocked">
      <p role="alert" className="error" data-testid="blocked-message">
        {t('errors.BLOCKED')}
      </p>
      <p className="hint">{t('participant.blockedHint')}</p>
    </div>
  );
}
