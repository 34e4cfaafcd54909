import { useTranslation } from 'react-i18next';
import type { GroupView } from '@semis/shared';
import { Link } from '../router';

/** One poster group as a list item: members, roles, its boards; actions come from the caller. */
export function GroupCard({ view, boardHref, children }: { view: GroupView; boardHref: (id: string) => string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const name = (id: string | null) => view.members.find((m) => m.id === id)?.pseudonym ?? '—';
  return (
    <li className="card group-card" data-testid="group-card" data-group-id={view.group.id}>
      <h3>{view.group.name}</h3>
      <p className="hint">
        {view.members.length === 0 ? t('posters.noMembers') : view.members.map((m) => m.pseudonym).join(', ')}
      </p>
      <p className="hint">
        {t('posters.animateur')} : {name(view.group.animateurId)} · {t('posters.rapporteur')} : {name(view.group.rapporteurId)}
      </p>
      <div className="actions">
        {view.boards.map((b) => (
          <Link key={b.id} href={boardHref(b.id)} className="button secondary small" data-testid={`open-${b.kind}`}>
            {t(`posters.kinds.${b.kind}`)}
          </Link>
        ))}
      </div>
      {children}
    </li>
  );
}
