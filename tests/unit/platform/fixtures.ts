/** Test helpers for main's services: a fresh temp data folder and valid domain events. */
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvent, type DomainEvent } from '../../../shared/domain/events';
import type { Logger } from '../../../electron/services/log';
import type { Dispatch } from '../../../shared/api/dispatch';

export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-test-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A valid `Acknowledged` event (empty payload) with the given seq; ids are derived from seq unless given. */
export function acknowledged(seq: number, overrides: Record<string, unknown> = {}): DomainEvent {
  const parsed = parseEvent({
    id: `ev-${seq}`,
    complaintId: 'c-1',
    branch: 'BR01',
    seq,
    at: '2026-11-23T06:47:00.000Z',
    actor: 'u-admin',
    type: 'Acknowledged',
    v: 1,
    payload: {},
    ...overrides,
  });
  if (!parsed.ok) throw new Error(`fixture event does not parse: ${parsed.error.message}`);
  return parsed.value;
}

export const events = (from: number, to: number): DomainEvent[] =>
  Array.from({ length: to - from + 1 }, (_, index) => acknowledged(from + index));

/** Collects log lines so a test can check that something was logged. */
export function memoryLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}

/** One window's view of a desk: every call carries that window, as the transports do. */
export const inWindow =
  (desk: { dispatch: Dispatch }, window = 'window-a') =>
  (method: string, input: unknown) =>
    desk.dispatch(method, input, { window });

/** Writes events straight into a data folder's journal, as an earlier run of the app would have left them. */
export async function seedJournal(dataDir: string, seeded: readonly DomainEvent[]): Promise<void> {
  await mkdir(join(dataDir, 'journal'), { recursive: true });
  await appendFile(join(dataDir, 'journal', 'events.v1.jsonl'), seeded.map((event) => `${JSON.stringify(event)}\n`).join(''));
}

/** A branch set-up as the first-run form sends it (branch BR01, admin "admin"). */
export const BRANCH_SETUP = {
  branchCode: 'BR01',
  branchName: '朝阳门店',
  timeZone: 'Asia/Shanghai',
  adminUsername: 'admin',
  password: 'correct horse',
  confirmPassword: 'correct horse',
};
