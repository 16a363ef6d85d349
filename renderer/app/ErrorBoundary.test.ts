import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../i18n/messages.en';
import { zhCN } from '../i18n/messages.zh-CN';
import { CrashPage, ErrorBoundary } from './ErrorBoundary';

async function crashPage(lng: 'zh-CN' | 'en', at: number): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(CrashPage, { at })));
}

describe('the root error boundary', () => {
  it('reports what it caught to main, with the route and React’s component stack', async () => {
    const calls: { method: string; input: unknown }[] = [];
    const api = { call: vi.fn(async (method: string, input: unknown) => (calls.push({ method, input }), { ok: true as const, value: {} })) };
    const boundary = new ErrorBoundary({ api: api as never, children: null, route: () => '#/complaints/c-1' });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    boundary.componentDidCatch(new TypeError('row.grade is undefined'), { componentStack: '\n    at Row' });
    quiet.mockRestore();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      method: 'app.reportBug',
      input: { message: 'TypeError: row.grade is undefined', route: '#/complaints/c-1', stack: expect.stringContaining('at Row') },
    });
    expect(ErrorBoundary.getDerivedStateFromError()).toEqual({ failedAt: expect.any(Number) });
  });

  it('shows a calm page in the UI language — the records are safe — with the time and a reload, never the error', async () => {
    const at = Date.parse('2026-11-23T02:05:00.000Z');
    const zh = await crashPage('zh-CN', at);
    expect(zh).toContain('出了点问题');
    expect(zh).toContain('您的记录是安全的');
    expect(zh).toContain('重新加载');
    expect(zh).toContain('role="alert"');
    const english = await crashPage('en', at);
    expect(english).toContain('Something went wrong');
    expect(english).toContain('Your records are safe');
    expect(english).toMatch(/Happened at .*2026/);
    expect(english).toContain('>Reload</button>');
  });
});
