/**
 * The sync state main reports (`sync.status`), shared by the top bar's indicator, its panel and the settings
 * section: polled while anything shows it (more often while a round runs), replaced at once by the answer of
 * any sync call, and a nudge to main when the browser sees the network come back (`online`).
 */
import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../../shared/api/sync';
import { api } from '../../platform/api';

const POLL_MS = 10_000;
const POLL_RUNNING_MS = 1_500;

let current: SyncStatus | undefined;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Shows a status main just answered with (from any sync call) to everyone at once. */
export function publishSyncStatus(status: SyncStatus): void {
  current = status;
  for (const listener of listeners) listener();
  if (listeners.size > 0) poll(status.running ? POLL_RUNNING_MS : POLL_MS);
}

async function refresh(): Promise<void> {
  const result = await api.call('sync.status', {});
  // Refused only when signed out (the shell is going away); the next subscriber asks again.
  if (result.ok) publishSyncStatus(result.value);
}

function poll(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), ms);
}

const nudge = () => void api.call('sync.now', { trigger: 'online' }).then((result) => result.ok && publishSyncStatus(result.value));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    window.addEventListener('online', nudge);
    void refresh();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('online', nudge);
    clearTimeout(timer);
  };
}

/** undefined until main has answered once. */
export function useSyncStatus(): SyncStatus | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
