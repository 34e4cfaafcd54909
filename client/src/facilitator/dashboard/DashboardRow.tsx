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
  open: boolean;
  onToggle: () => void;
}

/** One atelier on one line — phase, timer and the numbers that call for action — with its
 * settings (timer, modes, co-animation link) unfolded on demand under the row. */
export function DashboardRow({ session, atelier, stats, selected, onSelect, wholeEvent, open, onToggle }: Props) {
  const { t } = useTranslation();
  const ideas = stats?.ideas ?? NO_COUNTS;
  const connected = stats?.connected ?? 0;
  const vote = stats?.vote ?? null;
  const settingsId = `settings-${atelier.id}`;
  return (
    <>
      <tr className={`dash-row phase-row-${atelier.phase}${open ? ' is-open' : ''}`} data-testid="dashboard-row" data-atelier-id={atelier.id} data-phase={atelier.phase}
        data-connected={connected} data-ideas-visible={ideas.visible} data-ideas-pending={ideas.pending} data-ideas-private={ideas.private} data-ideas-hidden={ideas.hidden}
        data-voters={vote?.voters ?? ''} data-candidates={stats?.candidates ?? 0}>
        <td className="col-select">
          {wholeEvent && (
            <input type="checkbox" className="dash-select" data-testid="select-atelier" checked={selected}
              onChange={(e) => onSelect(e.target.checked)} aria-label={t('dashboard.select', { title: atelier.title })} />
          )}
        </td>
        <th scope="row" className="dash-title" title={atelier.title}>{atelier.title}</th>
        <td><PhaseStepper session={session} atelier={atelier} compact /></td>
        <td className="col-timer">
          <Countdown timer={atelier.timer} size="small" testId="row-countdown" />
          {!atelier.timer && <span className="zero" aria-hidden="true">—</span>}
        </td>
        <td className="num" title={t('cockpit.connectedHint')} data-testid="row-connected">{connected}</td>
        <td className="num" title={t('cockpit.ideasHint', { count: ideas.visible, private: ideas.private, hidden: ideas.hidden })} data-testid="row-ideas">
          {ideas.visible}
          {ideas.private > 0 && <span className="sub"> +{ideas.private}</span>}
        </td>
        <td className="num">
          {ideas.pending > 0 ? (
            <Link href={`/animer/moderation?atelier=${atelier.id}`} className="attention" data-testid="row-pending"
              aria-label={t('cockpit.pendingLink', { count: ideas.pending, title: atelier.title })}>
              {ideas.pending}
            </Link>
          ) : (
            <span className="zero" data-testid="row-pending">0</span>
          )}
        </td>
        <td className="num" data-testid="row-vote"
          title={vote ? t('cockpit.voteHint', { voters: vote.voters, connected, status: t(vote.status === 'open' ? 'cockpit.voteOpen' : 'cockpit.voteClosed') }) : t('cockpit.noVote')}>
          {vote ? <span className={vote.status === 'open' ? 'vote-live' : ''}>{t('cockpit.voteProgress', { voters: vote.voters, connected })}</span> : '—'}
        </td>
        <td className="num" data-testid="row-candidates">{stats?.candidates ?? 0}</td>
        <td className="col-actions">
          <Link href={`/animer/mur/${atelier.id}`} data-testid="open-wall" className="button secondary small" aria-label={t('cockpit.wallOf', { title: atelier.title })}>
            {t('cockpit.wall')}
          </Link>
          <button type="button" className="secondary small" data-testid="row-settings" aria-expanded={open} aria-controls={settingsId}
            aria-label={t('cockpit.settingsOf', { title: atelier.title })} onClick={onToggle}>
            ⚙ {t('cockpit.settings')}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="dash-settings" id={settingsId} data-testid="row-settings-panel">
          <td colSpan={10}>
            <div className="dash-controls">
              <TimerControls session={session} target={atelier.id} timer={atelier.timer} preset={PRESET_FOR[atelier.phase] ?? 'ideation'}
                disabled={atelier.phase === 'cloture'} />
              <ModeToggles session={session} atelier={atelier} privateCount={ideas.private} />
              {wholeEvent && <CofacLink session={session} atelier={atelier} />}
              <Link href={`/animer/moderation/${atelier.id}`} data-testid="open-moderation" className="button secondary small">
                {t('dashboard.moderation')}
              </Link>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
