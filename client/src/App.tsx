import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoute, usePathname, Link } from './router';
import { Home } from './participant/Home';
import { ParticipantApp } from './participant/ParticipantApp';
import { Page } from './ui/Page';
import { ReloadNotice } from './ui/ReloadNotice';

// Phones on rural Wi-Fi should not download Konva and the facilitator screens they never see.
const CreateEvent = lazy(() => import('./facilitator/CreateEvent').then((m) => ({ default: m.CreateEvent })));
const Console = lazy(() => import('./facilitator/Console').then((m) => ({ default: m.Console })));
const WallPage = lazy(() => import('./facilitator/WallPage').then((m) => ({ default: m.WallPage })));
const ModerationQueuePage = lazy(() => import('./facilitator/moderation/ModerationQueuePage').then((m) => ({ default: m.ModerationQueuePage })));
const ModerationPage = lazy(() => import('./facilitator/moderation/ModerationPage').then((m) => ({ default: m.ModerationPage })));
const ProjectorPage = lazy(() => import('./facilitator/projector/ProjectorPage').then((m) => ({ default: m.ProjectorPage })));
// Poster workshop (issue #5): Konva and the editor load only with a board.
const AdminBoardPage = lazy(() => import('./posterWorkshop/AdminBoardPage').then((m) => ({ default: m.AdminBoardPage })));
const ParticipantBoardPage = lazy(() => import('./posterWorkshop/ParticipantBoardPage').then((m) => ({ default: m.ParticipantBoardPage })));
const PresentationPage = lazy(() => import('./posterWorkshop/PresentationPage').then((m) => ({ default: m.PresentationPage })));
const GroupsScreen = lazy(() => import('./posterWorkshop/GroupsScreen').then((m) => ({ default: m.GroupsScreen })));
const QrPostersPage = lazy(() => import('./facilitator/print/QrPostersPage').then((m) => ({ default: m.QrPostersPage })));
const PortfolioPage = lazy(() => import('./candidates/PortfolioPage').then((m) => ({ default: m.PortfolioPage })));

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <ReloadNotice />
      <Suspense fallback={<p aria-busy="true" className="content">{t('app.loading')}</p>}>
        <Routes />
      </Suspense>
    </>
  );
}

function Routes() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'create':
      return <CreateEvent />;
    case 'console':
      return <Console />;
    case 'wall':
      return <WallPage key={route.atelierId} atelierId={route.atelierId} />;
    case 'moderationQueue':
      return <ModerationQueuePage />;
    case 'moderation':
      return <ModerationPage key={route.atelierId} atelierId={route.atelierId} />;
    case 'projector':
      return <ProjectorPage />;
    case 'portfolio':
      return <PortfolioPage />;
    case 'posters':
      return <QrPostersPage />;
    case 'participant':
      return <ParticipantApp key={route.code} code={route.code} atelierId={route.atelierId} />;
    case 'adminBoard':
      return <AdminBoardPage key={route.boardId} boardId={route.boardId} />;
    case 'participantBoard':
      return <ParticipantBoardPage key={route.boardId} code={route.code} boardId={route.boardId} />;
    case 'presentation':
      return <PresentationPage key={route.atelierId} atelierId={route.atelierId} index={route.index} />;
    case 'groups':
      return <GroupsScreen key={route.code} code={route.code} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page>
      <p role="alert" data-testid="error-message" className="error">
        {t('app.notFound')}
      </p>
      <Link href="/">{t('app.home')}</Link>
    </Page>
  );
}
