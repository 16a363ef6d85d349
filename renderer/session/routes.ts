/**
 * Hash routes (no server routes in browser mode): `#/new`, `#/complaints`, `#/complaints/<id>`, `#/board`,
 * `#/dashboard`, `#/actions`, `#/settings`, `#/branches` (head office's branch health). A fragment that is not a route (e.g. `#lang=en&token=…` handed
 * over by browser mode) opens the register, the clerk's home screen.
 */
export type Route =
  | { name: 'new' }
  | { name: 'register' }
  | { name: 'complaint'; id: string }
  | { name: 'board' }
  | { name: 'dashboard' }
  | { name: 'actions' }
  | { name: 'settings' }
  | { name: 'branches' };

export type RouteName = Route['name'];

const SIMPLE: Record<string, Exclude<RouteName, 'complaint'>> = {
  new: 'new',
  complaints: 'register',
  board: 'board',
  dashboard: 'dashboard',
  actions: 'actions',
  settings: 'settings',
  branches: 'branches',
};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  if (!path.startsWith('/')) return { name: 'register' };
  const [first = '', second, ...rest] = path.slice(1).split('/');
  if (first === 'complaints' && second && rest.length === 0) {
    try {
      return { name: 'complaint', id: decodeURIComponent(second) };
    } catch {
      return { name: 'register' };
    }
  }
  const simple = second === undefined ? SIMPLE[first] : undefined;
  return simple ? { name: simple } : { name: 'register' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'complaint':
      return `#/complaints/${encodeURIComponent(route.id)}`;
    case 'register':
      return '#/complaints';
    default:
      return `#/${route.name}`;
  }
}
