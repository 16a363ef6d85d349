import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api/methods';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, input: unknown) => ({ channel, input }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  beforeAll(async () => {
    await import('./index');
  });

  it('exposes one object with exactly the contract methods, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['complaintDesk']);
    const bridge = exposed.get('complaintDesk') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("sends a call's input over that method's own channel", async () => {
    const bridge = exposed.get('complaintDesk') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(await bridge['journal.read']?.({ afterSeq: 3 })).toEqual({ channel: 'desk:journal.read', input: { afterSeq: 3 } });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});
