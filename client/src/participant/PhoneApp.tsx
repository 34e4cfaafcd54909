import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoute, usePathname } from '../router';
import { Home } from './Home';
import { ParticipantApp } from './ParticipantApp';
import { UpdateBanner } from './UpdateBanner';

/** The phone build (client/vite.phone.config.ts): the code entry and the participant screens,
 * nothing else. Any other address belongs to the full app: load it from the server. */
export function PhoneApp() {
  const route = matchRoute(usePathname());
  let screen;
  if (route.name === 'home') screen = <Home />;
  else if (route.name === 'participant') screen = <ParticipantApp key={route.code} code={route.code} atelierId={route.atelierId} />;
  else screen = <FullLoad />;
  return (
    <>
      <UpdateBanner />
      {screen}
    </>
  );
}

function FullLoad() {
  const { t } = useTranslation();
  useEffect(() => location.reload(), []);
  return (
    <p aria-busy="true" className="content">
      {t('app.loading')}
    </p>
  );
}
