import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routes';

describe('hash routes', () => {
  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { name: 'new' },
      { name: 'register' },
      { name: 'complaint', id: 'SH01-20261123-0001' },
      { name: 'board' },
      { name: 'board', branch: 'BJ02' },
      { name: 'dashboard' },
      { name: 'actions' },
      { name: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('opens the register for an empty fragment, browser-mode parameters or an unknown path', () => {
    expect(parseRoute('')).toEqual({ name: 'register' });
    expect(parseRoute('#lang=en&token=abc')).toEqual({ name: 'register' });
    expect(parseRoute('#/nowhere/at/all')).toEqual({ name: 'register' });
    expect(parseRoute('#/complaints/%E0%A4%A')).toEqual({ name: 'register' });
  });

  it('keeps only a branch code as the board\'s branch', () => {
    expect(parseRoute('#/board?branch=BJ02')).toEqual({ name: 'board', branch: 'BJ02' });
    expect(parseRoute('#/board?branch=<script>')).toEqual({ name: 'board' });
    expect(parseRoute('#/board?branch=')).toEqual({ name: 'board' });
  });

  it('keeps ids with special characters intact', () => {
    expect(parseRoute(routeHref({ name: 'complaint', id: 'a/b c' }))).toEqual({ name: 'complaint', id: 'a/b c' });
  });
});
