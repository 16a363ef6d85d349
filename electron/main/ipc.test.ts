import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/methods';
import { memoryLogger } from '../../tests/unit/platform/fixtures';
import { registerIpcHandlers } from './ipc';
import { APP_URL } from './origin';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function register() {
  const handlers = new Map<string, Handler>();
  const calls: [string, unknown][] = [];
  const ipcMain = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) };
  registerIpcHandlers(ipcMain, async (method, input) => (calls.push([method, input]), { ok: true, value: {} }), APP_URL, memoryLogger());
  return { handlers, calls };
}

// Only the fields the sender check reads; a real WebFrameMain has many more.
const eventFrom = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent }, sender: { id: 7 } }) as unknown as IpcMainInvokeEvent;

describe('IPC handlers', () => {
  it('registers exactly one channel per contract method', () => {
    expect([...register().handlers.keys()].sort()).toEqual(API_METHODS.map((method) => `desk:${method}`).sort());
  });

  it("answers the app's own top-level page through the dispatcher", async () => {
    const { handlers, calls } = register();
    expect(await handlers.get('desk:journal.read')?.(eventFrom('app://desk/index.html#/board'), { afterSeq: 0 })).toEqual({ ok: true, value: {} });
    expect(calls).toEqual([['journal.read', { afterSeq: 0 }]]);
  });

  it('refuses a remote page, a sub-frame and a vanished frame without dispatching', async () => {
    const { handlers, calls } = register();
    const handler = handlers.get('desk:users.list');
    for (const event of [eventFrom('https://evil.example/'), eventFrom('app://desk/index.html', {}), { senderFrame: null } as unknown as IpcMainInvokeEvent]) {
      expect(await handler?.(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(calls).toEqual([]);
  });
});
