import './posters.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, type Atelier, type GroupView } from '@semis/shared';
import { Link } from '../router';
import { http } from '../sync/http';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import { usePosterSocket } from './usePosterSocket';
import { GroupCard } from './GroupCard';

/** Console section: poster groups per atelier, created by the facilitator or formed by participants. */
export function AdminGroups({ token, ateliers }: { token: string; ateliers: readonly Atelier[] }) {
  const { t } = useTranslation();
  const { groups, upsert } = usePosterSocket(token);
  return (
    <section className="stack" aria-labelledby="posters-title">
      <h2 id="posters-title">{t('posters.title')}</h2>
      <p className="hint">{t('posters.adminIntro')}</p>
      {ateliers.map((a) => (
        <div key={a.id} className="card stack" data-testid="admin-atelier-groups">
          <div className="section-head">
            <h3>{a.title}</h3>
            <Link href={`/animer/presentation/${a.id}`} className="button secondary small" data-testid="open-presentation">{t('posters.present')}</Link>
          </div>
          <ul className="groups">
            {groups.filter((g) => g.group.atelierId === a.id).map((view) => (
              <GroupCard key={view.group.id} view={view} boardHref={(id) => `/animer/tableau/${id}`} />
            ))}
          </ul>
          <NewGroup token={token} atelierId={a.id} onCreated={upsert} />
        </div>
      ))}
    </section>
  );
}

function NewGroup({ token, atelierId, onCreated }: { token: string; atelierId: string; onCreated: (v: GroupView) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [debate, setDebate] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  return (
    <form
      className="new-group"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await http<{ group: GroupView }>(API.adminGroups, { token, body: { atelierId, name, debate } });
        setError(r.ok ? null : r.error);
        if (r.ok) {
          onCreated(r.data.group);
          setName('');
        }
      }}
    >
      <input aria-label={t('posters.groupName')} placeholder={t('posters.groupName')} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="admin-group-name" />
      <label className="hint check">
        <input type="checkbox" checked={debate} onChange={(e) => setDebate(e.target.checked)} /> {t('posters.withDebate')}
      </label>
      <button type="submit" className="primary small" disabled={!name.trim()} data-testid="admin-create-group">{t('posters.createSubmit')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}
