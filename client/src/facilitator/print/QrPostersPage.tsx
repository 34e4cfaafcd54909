import { useTranslation } from 'react-i18next';
import { participantPath, type AdminEventResult, type Atelier } from '@semis/shared';
import { Link } from '../../router';
import { AdminGate } from '../AdminGate';
import { QrCode } from '../QrCode';
import './print.css';

/** /animer/affiches — A4 QR posters for the night: one for the event, one per atelier (its QR
 * opens that atelier directly). Printed from the browser; no script beyond the app's own. */
export function QrPostersPage() {
  return <AdminGate bare>{({ data }) => <QrPosters data={data} />}</AdminGate>;
}

function QrPosters({ data }: { data: AdminEventResult }) {
  const { t, i18n } = useTranslation();
  const { event, links } = data;
  const ateliers = [...data.ateliers].sort((a, b) => a.position - b.position);
  const date = event.date ? new Date(`${event.date}T12:00:00`).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' }) : null;
  const subtitle = [event.name, date, event.place].filter(Boolean).join(' · ');
  return (
    <div className="print-root">
      <header className="print-toolbar">
        <h1>{t('print.title')}</h1>
        <p>{t('print.intro')}</p>
        {links.reach === 'loopback' && <p className="warning" role="alert">⚠ {t('print.loopback')}</p>}
        <p className="print-actions">
          <button type="button" className="primary" data-testid="print-now" onClick={() => window.print()}>
            {t('print.print')}
          </button>
          <Link href="/animer" className="button secondary">{t('print.back')}</Link>
        </p>
      </header>
      <main className="qr-sheets">
        {data.scope === null && (
          <Sheet eyebrow={subtitle} title={t('print.eventHeading')} link={links.participant} base={links.base} code={event.joinCode} qrAlt={t('print.qrEvent', { name: event.name })} />
        )}
        {ateliers.map((a, i) => (
          <AtelierSheet key={a.id} atelier={a} n={i + 1} data={data} />
        ))}
      </main>
    </div>
  );
}

function AtelierSheet({ atelier, n, data }: { atelier: Atelier; n: number; data: AdminEventResult }) {
  const { t } = useTranslation();
  const eyebrow = [t('print.atelierEyebrow', { n }), atelier.theme, data.event.name].filter(Boolean).join(' · ');
  return (
    <Sheet
      atelierId={atelier.id}
      eyebrow={eyebrow}
      title={atelier.title}
      question={atelier.question}
      link={data.links.base + participantPath(data.event.joinCode, atelier.id)}
      base={data.links.base}
      code={data.event.joinCode}
      qrAlt={t('print.qrAtelier', { title: atelier.title })}
    />
  );
}

interface SheetProps {
  atelierId?: string;
  eyebrow: string;
  title: string;
  question?: string;
  link: string;
  base: string;
  code: string;
  qrAlt: string;
}

function Sheet({ atelierId, eyebrow, title, question, link, base, code, qrAlt }: SheetProps) {
  const { t } = useTranslation();
  return (
    <article className="qr-sheet" data-testid="qr-sheet" data-atelier-id={atelierId ?? ''}>
      <p className="qr-sheet-eyebrow">{eyebrow}</p>
      <h2 className="qr-sheet-title">{title}</h2>
      {question && <p className="qr-sheet-question">{question}</p>}
      <div className="qr-sheet-qr">
        <QrCode text={link} alt={qrAlt} className="qr-sheet-svg" />
      </div>
      <p className="qr-sheet-scan">{t('print.scan')}</p>
      <p className="qr-sheet-url">
        {t('print.orGoTo')} <strong>{base.replace(/^https?:\/\//, '')}/j</strong> · {t('print.code')}
      </p>
      <p className="qr-sheet-code" data-testid="qr-sheet-code">{code}</p>
    </article>
  );
}
