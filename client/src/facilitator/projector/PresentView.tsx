import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, PresentState } from '@semis/shared';
import { useBoardDoc } from '../../sync/useBoardDoc';
import { useCandidates } from '../../candidates/useCandidates';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { RoomBoard, type RoomSection } from './RoomBoard';

// Konva's poster editor (and the workshop's styles it is laid out with) only when a poster is presented.
const PosterEditor = lazy(() =>
  Promise.all([import('../../posterEditor/PosterEditor'), import('../../posterWorkshop/posters.css')]).then(([m]) => ({ default: m.PosterEditor })),
);

interface Props {
  state: PresentState;
  sections: RoomSection[];
  session: FacilitatorSession | null;
  ready: boolean;
  token: string;
}

/** *Présenter*: one cluster, candidate or poster per screen, as the server says (present:state). */
export function PresentView({ state, sections, session, ready, token }: Props) {
  const { t } = useTranslation();
  const position = state.count > 0 ? t('present.position', { n: state.index + 1, count: state.count }) : '';
  return (
    <section className="present-view" data-testid="projector-present" data-kind={state.kind} data-index={state.index} data-item-id={state.itemId ?? ''}>
      <p className="present-eyebrow">
        {t(`present.kind.${state.kind}`)} <span data-testid="projector-present-position">{position}</span>
      </p>
      {state.itemId === null ? (
        <p className="room-empty">{t('present.nothing', { what: t(`present.kinds.${state.kind}`).toLowerCase() })}</p>
      ) : state.kind === 'clusters' ? (
        <ClusterSlide id={state.itemId} sections={sections} />
      ) : state.kind === 'candidates' ? (
        <CandidateSlide id={state.itemId} session={session} ready={ready} sections={sections} />
      ) : (
        <PosterSlide id={state.itemId} token={token} />
      )}
    </section>
  );
}

function ClusterSlide({ id, sections }: { id: string; sections: RoomSection[] }) {
  const { t } = useTranslation();
  const section = sections.find((s) => s.key === id);
  const only = useMemo(() => (section ? [{ ...section, title: null }] : []), [section]);
  if (!section) return null;
  return (
    <>
      <h2 className="present-title" data-testid="projector-present-title">
        {section.title} <span className="present-count">· {t('present.ideas', { count: section.ideas.length })}</span>
      </h2>
      <div className="present-body">
        <RoomBoard key={id} sections={only} label={section.title ?? ''} synced />
      </div>
    </>
  );
}

function CandidateSlide({ id, session, ready, sections }: { id: string; session: FacilitatorSession | null; ready: boolean; sections: RoomSection[] }) {
  const { t } = useTranslation();
  const { candidates } = useCandidates(session?.socket ?? null, ready);
  const c = candidates?.find((x) => x.id === id);
  if (!c) return null;
  const text = new Map(sections.flatMap((s) => s.ideas.map((i) => [i.id, i.text] as const)));
  const ideas = c.ideaIds.flatMap((i) => text.get(i) ?? []);
  const fields: [string, string][] = [
    [t('votes.candidates.besoin'), c.besoin],
    [t('votes.candidates.ressources'), c.ressources],
    [t('votes.candidates.porteur'), c.porteur],
    [t('votes.candidates.nextSteps'), c.nextSteps],
  ];
  return (
    <>
      <h2 className="present-title" data-testid="projector-present-title">{c.title}</h2>
      <div className="present-body candidate-slide">
        <dl className="candidate-fields">
          {fields.filter(([, v]) => v.trim()).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
          <div>
            <dt>{t('votes.candidates.status')}</dt>
            <dd>{t(`votes.candidates.statuses.${c.status}`)}</dd>
          </div>
        </dl>
        <div>
          <Stakeholders c={c} />
          {ideas.length > 0 && (
            <section className="candidate-ideas">
              <h3>{t('votes.candidates.ideas')}</h3>
              <ul>
                {ideas.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </>
  );
}

function Stakeholders({ c }: { c: Candidate }) {
  const { t } = useTranslation();
  const rows = c.stakeholders.filter((s) => s.apports.trim() || s.interets.trim());
  if (rows.length === 0) return null;
  return (
    <table className="candidate-stakeholders">
      <caption>{t('votes.candidates.stakeholders')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('votes.candidates.partie')}</th>
          <th scope="col">{t('votes.candidates.apports')}</th>
          <th scope="col">{t('votes.candidates.interets')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s, i) => (
          <tr key={i}>
            <th scope="row">{s.partie}</th>
            <td>{s.apports}</td>
            <td>{s.interets}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PosterSlide({ id, token }: { id: string; token: string }) {
  const { t } = useTranslation();
  const board = useBoardDoc(id, token, { readOnly: true });
  return (
    <div className="present-body poster-slide">
      {board.doc && (
        <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
          <PosterEditor key={id} doc={board.doc} awareness={null} canWrite={false} me="" token={token} title={t('present.kind.posters')} compact />
        </Suspense>
      )}
    </div>
  );
}
