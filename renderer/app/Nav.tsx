import { useTranslation } from 'react-i18next';
import { routeHref, type Route, type RouteName } from '../session/routes';
import { BackupWarningBadge } from '../features/backup/BackupWarningBadge';
import { useReadOnly } from '../session/session';

interface NavItem {
  route: Route;
  key: string;
  shortcut?: string;
}

const ITEMS: readonly NavItem[] = [
  { route: { name: 'new' }, key: 'nav.newComplaint', shortcut: 'F2' },
  { route: { name: 'register' }, key: 'nav.register', shortcut: 'Ctrl+K' },
  { route: { name: 'board' }, key: 'nav.board' },
  { route: { name: 'dashboard' }, key: 'nav.dashboard' },
  { route: { name: 'actions' }, key: 'nav.actions' },
  { route: { name: 'settings' }, key: 'nav.settings' },
];

/** Head office: every branch's register, board and dashboard, and the branches' health; nothing to register or act on. */
const HEAD_OFFICE_ITEMS: readonly NavItem[] = [
  { route: { name: 'register' }, key: 'nav.register', shortcut: 'Ctrl+K' },
  { route: { name: 'board' }, key: 'nav.board' },
  { route: { name: 'dashboard' }, key: 'nav.dashboard' },
  { route: { name: 'branches' }, key: 'headOffice.navBranches' },
  { route: { name: 'settings' }, key: 'nav.settings' },
];

export function Nav({ current }: { current: RouteName }) {
  const { t } = useTranslation();
  const items = useReadOnly() ? HEAD_OFFICE_ITEMS : ITEMS;
  // A complaint's page belongs to the register.
  const active = current === 'complaint' ? 'register' : current;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <a href={routeHref(item.route)} aria-current={item.route.name === active ? 'page' : undefined} title={item.shortcut}>
              <span>{t(item.key)}</span>
              {item.shortcut && <kbd>{item.shortcut}</kbd>}
              {item.route.name === 'settings' && <BackupWarningBadge />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
