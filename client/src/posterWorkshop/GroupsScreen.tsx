import './posters.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, normalizeJoinCode, type GroupView } from '@semis/shared';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { loadSession } from '../sync/participantStore';
import { request } from '../sync/socket';
import { uuidv4 } from '../sync/uuid';
import type { ClientError } from '../sync/errors';
import { usePosterSocket } from './usePosterSocket';
import { GroupCard } from './GroupCard';
import { Feedback } from './Feedback';

/** /j/:code/groupes — form or join a poster group, name its roles, open its boards, react to the others'. */
export function GroupsScreen({ code }: { code: string }) {
  const { t } = useTranslation();
  const session = loadSession(normalizeJoinCode(code));
  const { socket: rawSocket, groups, upsert, online } = usePosterSocket(session.token);
  const socket = online ? rawSocket : null;
  const [atelierId, setAtelierId] = useState(session.atelierId ?? session.ateliers[0]?.id ?? '');
  const [name, setName] = useState('');
  const [debate, setDebate] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const me = session.participant;
  const base = `/j/${encodeURIComponent(code)}`;

  if (!session.token || !me) {
    return (
      <Page>
        <ErrorMessage text={t('posters.joinFirst')} />
        <Link href={base} className="button primary">{t('home.codeSubmit')}</Link>
      </Page>
    );
  }

  const run = async (p: Promise<{ ok: true; data: { group: GroupView } } | { ok: false; error: ClientError }>) => {
    const r = await p;
    if (r.ok) upsert(r.data.group);
    setError(r.ok ? null : r.error);
    return r.ok;
  };
  const mine = groups.filter((g) => g.group.atelierId === atelierId);

  return (
    <Page>
      <Link href={base} className="back-link">← {t('app.back')}</Link>
      <h1>{t('posters.title')}</h1>
      <p className="hint">{t('posters.intro')}</p>
      {session.ateliers.length > 1 && (
        <label className="field">
          {t('posters.atelier')}
          <select value={atelierId} onChange={(e) => setAtelierId(e.target.value)} data-testid="groups-atelier">
            {session.ateliers.map((a) => (
              <option key={a.id} value={a.id}>{a.title}</option>
            ))}
          </select>
        </label>
      )}
      <ErrorMessage error={error} />
      <ul className="groups">
        {mine.map((view) => {
          const member = view.members.some((m) => m.id === me.id);
          return (
            <GroupCard key={view.group.id} view={view} boardHref={(id) => `${base}/tableau/${id}`}>
              {socket && (member ? (
                <>
                  <Roles view={view} onSet={(roles) => run(request(socket, C.setGroupRoles, { groupId: view.group.id, ...roles }))} />
                  <button type="button" className="secondary" onClick={() => run(request(socket, C.leaveGroup, { groupId: view.group.id }))}>{t('posters.leave')}</button>
                </>
              ) : (
                <>
                  <button type="button" className="primary" data-testid="join-group" onClick={() => run(request(socket, C.joinGroup, { groupId: view.group.id }))}>{t('posters.join')}</button>
                  {view.boards[0] && (
                    <details>
                      <summary>{t('posters.reactTo', { name: view.group.name })}</summary>
                      <Feedback boardId={view.boards[0].id} token={session.token!} socket={socket} />
                    </details>
                  )}
                </>
              ))}
            </GroupCard>
          );
        })}
      </ul>
      {mine.length === 0 && <p className="hint">{t('posters.noGroups')}</p>}
      <form
        className="card stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (socket && (await run(request(socket, C.createGroup, { id: uuidv4(), atelierId, name, debate })))) setName('');
        }}
      >
        <h2>{t('posters.create')}</h2>
        <label className="field">
          {t('posters.groupName')}
          <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="group-name" />
        </label>
        <label className="check">
          <input type="checkbox" checked={debate} onChange={(e) => setDebate(e.target.checked)} /> {t('posters.withDebate')}
        </label>
        <button type="submit" className="primary" disabled={!name.trim() || !atelierId || !socket} data-testid="create-group">{t('posters.createSubmit')}</button>
      </form>
    </Page>
  );
}

function Roles({ view, onSet }: { view: GroupView; onSet: (r: { animateurId: string | null; rapporteurId: string | null }) => void }) {
  const { t } = useTranslation();
  const { animateurId, rapporteurId } = view.group;
  const select = (label: string, value: string | null, set: (v: string | null) => void, testid: string) => (
    <label className="field">
      {label}
      <select value={value ?? ''} data-testid={testid} onChange={(e) => set(e.target.value || null)}>
        <option value="">—</option>
        {view.members.map((m) => (
          <option key={m.id} value={m.id}>{m.pseudonym}</option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="roles">
      {select(t('posters.animateur'), animateurId, (v) => onSet({ animateurId: v, rapporteurId }), 'role-animateur')}
      {select(t('posters.rapporteur'), rapporteurId, (v) => onSet({ animateurId, rapporteurId: v }), 'role-rapporteur')}
    </div>
  );
}
