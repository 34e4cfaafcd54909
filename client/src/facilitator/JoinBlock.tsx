import { useTranslation } from 'react-i18next';
import type { AdminEventResult } from '@semis/shared';
import { QrCode } from './QrCode';

/** The way in for phones: code, link and QR code on an address they can reach (the server
 * chooses it: PUBLIC_URL, else the LAN address, see server/src/http/baseUrl.ts). The printed
 * QR posters are one of the console's links, beside it. */
export function JoinBlock({ data }: { data: AdminEventResult }) {
  const { t } = useTranslation();
  const { event, links } = data;
  return (
    <section className="card projector">
      <div className="join-block">
        <p className="eyebrow">{t('console.joinCodeLabel')}</p>
        <p className="join-code" data-testid="join-code">
          {event.joinCode}
        </p>
        <p className="eyebrow">{t('console.participantLink')}</p>
        <a className="participant-link" data-testid="participant-link" data-reach={links.reach} href={links.participant} target="_blank" rel="noreferrer">
          {links.participant}
        </a>
        {links.reach === 'loopback' && (
          <p className="warning" role="alert" data-testid="join-loopback">
            ⚠ {t('join.loopback')}
          </p>
        )}
      </div>
      <figure className="qr-block">
        <QrCode text={links.participant} alt={t('console.qrAlt')} />
        <figcaption className="hint">{t('console.qrHint')}</figcaption>
      </figure>
    </section>
  );
}
