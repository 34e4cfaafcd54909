import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen except the wall, which needs the whole window. */
export function Page({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="topbar">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        <LanguageSwitch />
      </header>
      <main className={wide ? 'content wide' : 'content'}>{children}</main>
    </div>
  );
}
