import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/methods';
import { bridgeTransport, createApi, isPreloadBridge, type PreloadBridge } from './transport';

const bridgeAnswering = (answer: (method: string, input: unknown) => Promise<unknown>): PreloadBridge =>
  Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => answer(method, input)])) as PreloadBridge;

describe('renderer api over a transport', () => {
  it('passes a well-formed answer through, typed by the contract', async () => {
    const api = createApi(bridgeTransport(bridgeAnswering(async () => ({ ok: true, value: { language: 'en', prefs: {} } }))));
    expect(await api.call('settings.get', {})).toEqual({ ok: true, value: { language: 'en', prefs: {} } });
  });

  it('hands a refusal from main to the UI as it came', async () => {
    const refusal = { code: 'bad_credentials', message: 'The username or the password is not right.' };
    const api = createApi(bridgeTransport(bridgeAnswering(async () => ({ ok: false, error: refusal }))));
    expect(await api.call('auth.signIn', { username: 'a', password: 'b' })).toEqual({ ok: false, error: refusal });
  });

  it('turns an answer that breaks the contract, or no answer, into a refusal instead of a crash', async () => {
    const wrongShape = createApi(bridgeTransport(bridgeAnswering(async () => ({ ok: true, value: { language: 'klingon' } }))));
    expect(await wrongShape.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    const notAResult = createApi(bridgeTransport(bridgeAnswering(async () => 'hello')));
    expect(await notAResult.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    const gone = createApi(bridgeTransport(bridgeAnswering(async () => Promise.reject(new Error('channel closed')))));
    expect(await gone.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });

  it('recognises the preload bridge only when every contract method is there', () => {
    const complete = bridgeAnswering(async () => undefined);
    expect(isPreloadBridge(complete)).toBe(true);
    const { 'journal.read': _missing, ...partial } = complete;
    expect(isPreloadBridge(partial)).toBe(false);
    expect(isPreloadBridge(undefined)).toBe(false);
  });
});
