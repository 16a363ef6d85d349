import { useCallback, useState } from 'react';
import { RegisterComplaintPage } from '../features/register-complaint/RegisterComplaintPage';
import { RegisterPage } from '../features/register/RegisterPage';
import { ComplaintPage } from '../features/complaint/ComplaintPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { BoardPage } from '../features/board/BoardPage';
import { CalendarEndsBanner } from '../features/settings/CalendarEndsBanner';
import { useNoticeFeed } from '../features/notices/useNoticeFeed';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ActionsPage } from '../features/actions/ActionsPage';
import { HelpSheet } from './HelpSheet';
import { Nav } from './Nav';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useRoute } from '../session/useRoute';
import type { Route } from '../session/routes';
import { useReadOnly } from '../session/session';
import { BranchHealthPage } from '../features/headOffice/BranchHealthPage';

function Screen({ route }: { route: Route }) {
  const readOnly = useReadOnly();
  switch (route.name) {
    case 'new':
      // Head office registers nothing (F2 or an old link lands on the register).
      return readOnly ? <RegisterPage /> : <RegisterComplaintPage />;
    case 'register':
      return <RegisterPage />;
    case 'complaint':
      return <ComplaintPage id={route.id} />;
    case 'board':
      return <BoardPage branch={route.branch} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'actions':
      return <ActionsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'branches':
      // A branch's desk has no branches to watch.
      return readOnly ? <BranchHealthPage /> : <RegisterPage />;
  }
}

/** Left navigation, top bar, and the screen of the current route. */
export function Shell() {
  const route = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useGlobalShortcuts(openHelp);
  useNoticeFeed();
  return (
    <div className="shell">
      <TopBar onHelp={openHelp} />
      <Nav current={route.name} />
      <main className="main" id="main">
        <CalendarEndsBanner />
        <Screen key={route.name === 'complaint' ? `complaint:${route.id}` : route.name} route={route} />
      </main>
      {helpOpen && <HelpSheet onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
