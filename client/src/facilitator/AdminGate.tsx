import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminEventResult, Atelier } from '@semis/shared';
import { Link } from '../router';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useAdminEvent } from './useAdminEvent';

interface Ready {
  data: AdminEventResult;
  token: string;
  setAteliers: (a: Atelier[]) => void;
}

/** Every facilitator screen starts the same way: a token on this device, checked by the server. */
export function AdminGate({ children, wide = false, bare = false }: { children: (r: Ready) => ReactNode; wide?: boolean; bare?: boolean }) {
  const { t } = useTranslation();
  const { token, state, setAteliers } = useAdminEvent();
  if (state.kind === 'ready' && token) {
    const body = children({ data: state.data, token, setAteliers });
    return bare ? body : <Page wide={wide}>{body}</Page>;
  }
  return (
    <Page>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {(state.kind === 'noToken' || !token) && <ErrorMessage text={t('console.noToken')} />}
      {state.kind === 'error' && (state.unauthorized ? <ErrorMessage text={t('console.badToken')} /> : <ErrorMessage error={state.error} />)}
      <Link href={state.kind === 'noToken' ? '/creer' : '/'} className="button secondary">
        {state.kind === 'noToken' ? t('home.createLink') : t('app.home')}
      </Link>
    </Page>
  );
}
