/**
 * Hash routes (no server routes in browser mode): `#/new`, `#/complaints`, `#/complaints/<id>`, `#/board`,
 * `#/dashboard`, `#/actions`, `#/settings`, `#/branches` (head office's branch health). A fragment that is not a route (e.g. `#lang=en&token=…` handed
 * over by browser mode) opens the register, the clerk's home screen. The board at head office may name one branch
 * (`#/board?branch=BJ02`): a branch code, or it is ignored.
 */
import { BranchCodeSchema } from '../../shared/brand';

export type Route =
  | { name: 'new' }
  | { name: 'register' }
  | { name: 'complaint'; id: string }
  | { name: 'board'; branch?: string }
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

/** The query of a hash route (`#/board?branch=BJ02`). */
export const hashQuery = (hash: string): URLSearchParams => new URLSearchParams(hash.split('?')[1] ?? '');

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
  if (simple === 'board') {
    const branch = BranchCodeSchema.safeParse(hashQuery(hash).get('branch'));
    return branch.success ? { name: 'board', branch: branch.data } : { name: 'board' };
  }
  return simple ? { name: simple } : { name: 'register' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'complaint':
      return `#/complaints/${encodeURIComponent(route.id)}`;
    case 'register':
      return '#/complaints';
    case 'board':
      return route.branch ? `#/board?${new URLSearchParams({ branch: route.branch }).toString()}` : '#/board';
    default:
      return `#/${route.name}`;
  }
}
