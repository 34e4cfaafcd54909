import { useTranslation } from 'react-i18next';
import type { Atelier, AtelierDashboard, Phase } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { Link } from '../../router';
import { Countdown } from '../../ui/Countdown';
import { PhaseStepper } from './PhaseStepper';
import { TimerControls } from './TimerControls';
import { ModeToggles } from './ModeToggles';
import { CofacLink } from './CofacLink';

const NO_COUNTS: AtelierDashboard['ideas'] = { visible: 0, private: 0, pending: 0, hidden: 0 };

/** The preset a facilitator most likely wants now. */
const PRESET_FOR: Partial<Record<Phase, 'ideation' | 'vote' | 'restitution'>> = { vote: 'vote', restitution: 'restitution' };

interface Props {
  session: FacilitatorSession | null;
  atelier: Atelier;
  stats: AtelierDashboard | null;
  selected: boolean;
  onSelect: (on: boolean) => void;
  /** Admin link: co-facilitator links and bulk selection are event-wide tools. */
  wholeEvent: boolean;
}

export function DashboardRow({ session, atelier, stats, selected, onSelect, wholeEvent }: Props) {
  const { t } = useTranslation();
  const ideas = stats?.ideas ?? NO_COUNTS;
  const connected = stats?.connected ?? 0;
  return (
    <li className={`card dash-row phase-row-${atelier.phase}`} data-testid="dashboard-row" data-atelier-id={atelier.id} data-phase={atelier.phase}
      data-connected={connected} data-ideas-visible={ideas.visible} data-ideas-pending={ideas.pending} data-ideas-private={ideas.private} data-ideas-hidden={ideas.hidden}>
      <div className="dash-main">
        {wholeEvent && (
          <input type="checkbox" className="dash-select" data-testid="select-atelier" checked={selected}
            onChange={(e) => onSelect(e.target.checked)} aria-label={t('dashboard.select', { title: atelier.title })} />
        )}
        <strong className="dash-title">{atelier.title}</strong>
        <PhaseStepper session={session} atelier={atelier} />
        <Countdown timer={atelier.timer} size="small" testId="row-countdown" />
        <ul className="dash-counts" aria-label={t('dashboard.counts')}>
          <li title={t('dashboard.connectedHint')}>{t('dashboard.connected', { count: connected })}</li>
          <li>{t('dashboard.visible', { count: ideas.visible })}</li>
          {ideas.private > 0 && <li>{t('dashboard.private', { count: ideas.private })}</li>}
          {ideas.pending > 0 && <li className="attention">{t('dashboard.pending', { count: ideas.pending })}</li>}
          {ideas.hidden > 0 && <li>{t('dashboard.hidden', { count: ideas.hidden })}</li>}
        </ul>
        <nav className="dash-links">
          <Link href={`/animer/mur/${atelier.id}`} data-testid="open-wall" className="button secondary small">{t('console.openWall')}</Link>
          <Link href={`/animer/moderation/${atelier.id}`} data-testid="open-moderation" className="button secondary small">
            {t('dashboard.moderation')}
          </Link>
        </nav>
      </div>
      <div className="dash-controls">
        <TimerControls session={session} target={atelier.id} timer={atelier.timer} preset={PRESET_FOR[atelier.phase] ?? 'ideation'}
          disabled={atelier.phase === 'cloture'} />
        <ModeToggles session={session} atelier={atelier} privateCount={ideas.private} />
        {wholeEvent && <CofacLink session={session} atelier={atelier} />}
      </div>
    </li>
  );
}
