import { useTranslation } from 'react-i18next';
import type { ModIdeaView } from '@semis/shared';
import { Link } from '../../router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PhaseBadge } from '../../ui/PhaseBadge';
import { useFacilitatorSession, useModIdeas } from '../../sync/useFacilitatorSession';
import { AdminGate } from '../AdminGate';
import { ModIdeaItem } from './ModIdeaItem';
import { ModLog } from './ModLog';

/** /animer/moderation/:atelierId — the inbox, every idea whatever its status, and the log. */
export function ModerationPage({ atelierId }: { atelierId: string }) {
  return <AdminGate wide>{({ token }) => <ModerationBody token={token} atelierId={atelierId} />}</AdminGate>;
}

const newestFirst = (a: ModIdeaView, b: ModIdeaView) => b.createdAt.localeCompare(a.createdAt);

function ModerationBody({ token, atelierId }: { token: string; atelierId: string }) {
  const { t } = useTranslation();
  const { session, state } = useFacilitatorSession(token);
  const ideas = useModIdeas(session, state, atelierId);
  const atelier = state.ateliers.find((a) => a.id === atelierId);
  if (state.status === 'ready' && !atelier) return <ErrorMessage text={t('wall.unknownAtelier')} />;
  const all = [...(ideas?.values() ?? [])].sort(newestFirst);
  // Pending ideas live in the inbox only, so each idea (and its buttons) shows once.
  const pending = all.filter((i) => i.status === 'pending' && !i.deleted);
  const others = all.filter((i) => !pending.includes(i));

  return (
    <div className="stack moderation">
      <header className="console-head">
        <div>
          <p className="eyebrow">{t('moderation.title')}</p>
          <h1>{atelier?.title ?? '…'}</h1>
          {atelier && <PhaseBadge phase={atelier.phase} />}
        </div>
        <nav className="actions">
          <Link href={`/animer/moderation?atelier=${atelierId}`} className="button secondary" data-testid="open-mod-queue">{t('queue.title')}</Link>
          <Link href={`/animer/mur/${atelierId}`} className="button secondary">{t('console.openWall')}</Link>
          <Link href="/animer" className="button secondary">{t('wall.backToConsole')}</Link>
        </nav>
      </header>
      <ErrorMessage error={state.error} />
      <p className="hint">{t('moderation.blockHint')}</p>

      <section className="card stack" aria-labelledby="inbox-title">
        <h2 id="inbox-title">{t('moderation.inbox', { count: pending.length })}</h2>
        {pending.length === 0 ? <p className="hint">{t('moderation.inboxEmpty')}</p> : (
          <ul className="mod-ideas" data-testid="mod-inbox">
            {pending.map((i) => <ModIdeaItem key={i.id} session={session} idea={i} />)}
          </ul>
        )}
      </section>

      <section className="card stack" aria-labelledby="all-title">
        <h2 id="all-title">{t('moderation.all', { count: others.length })}</h2>
        {ideas === null ? <p aria-busy="true">{t('app.loading')}</p> : others.length === 0 ? <p className="hint">{t('moderation.none')}</p> : (
          <ul className="mod-ideas">
            {others.map((i) => <ModIdeaItem key={i.id} session={session} idea={i} />)}
          </ul>
        )}
      </section>

      <ModLog session={session} atelierId={atelierId} ready={state.status === 'ready'} refreshKey={[ideas, atelier]} />
    </div>
  );
}
