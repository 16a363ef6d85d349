import { describe, expect, it } from 'vitest';
import { APP_URL, isAppUrl } from './origin';

describe('isAppUrl', () => {
  it('accepts the app and refuses everything else', () => {
    expect(isAppUrl('app://desk/index.html#/board', APP_URL)).toBe(true);
    expect(isAppUrl('app://desk/assets/x.js', APP_URL)).toBe(true);
    expect(isAppUrl('app://evil/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://desk/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///C:/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/board', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
