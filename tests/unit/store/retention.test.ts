import 'fake-indexeddb/auto';
/**
 * Anonymisation after retention, end to end over the real services: what a regulator or a data-protection
 * officer would check — none of the removed values anywhere in the data folder or in the window's IndexedDB,
 * the statistics unchanged, the act on each complaint's timeline — and that every way of asking wrongly
 * changes nothing.
 */
import { readdir, readFile, writeFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../../electron/services/desk';
import { computeKpis } from '../../../shared/kpi/kpi';
import { foldComplaint } from '../../../shared/domain/reducer';
import type { DomainEvent } from '../../../shared/domain/events';
import type { ComplaintState } from '../../../shared/domain/state';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { CN_CALENDAR } from '../../../shared/calendar/defaults';
import { createApi, type Api } from '../../../renderer/platform/transport';
import { memoryLogger } from '../platform/fixtures';
import { testDesks, walkIn, type TestDesk, type TestMain } from './desk';

const desk = testDesks({ now: '2026-11-23T02:00:00.000Z' });

const PERSONAL = {
  name: '欧阳晓梅',
  phone: '139 8765 4321',
  email: 'xiaomei.ouyang@example.cn',
  address: '上海市徐汇区漕溪北路88号1203室',
  customerNumber: 'VIP-20260042',
};
const FILE_NAME = '欧阳晓梅-身份证.png';
// A real PNG signature so main's content check accepts it, then bytes no other file holds.
const FILE_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('EVIDENCE-OUYANG-7781')]);
const REMOVED = [...Object.values(PERSONAL), '13987654321', FILE_NAME, 'EVIDENCE-OUYANG-7781'];

async function adminWindow(main: TestMain, id = 'admin-window'): Promise<Api> {
  const api = createApi((method, input) => main.desk.dispatch(method, input, { window: id }));
  const signedIn = await api.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
  if (!signedIn.ok) throw new Error(signedIn.error.code);
  return api;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Every removed value found in any file of the folder, as `file: value`. */
async function personalDataIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await filesUnder(dir)) {
    // A checkpoint's temporary file may be renamed away between listing and reading.
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    for (const value of REMOVED) if (bytes.includes(Buffer.from(value))) found.push(`${file.slice(dir.length)}: ${value}`);
  }
  return found;
}

async function personalDataInIndexedDb(d: TestDesk): Promise<string[]> {
  const found: string[] = [];
  for (const table of d.db.tables) {
    const text = JSON.stringify(await table.toArray());
    for (const value of REMOVED) if (text.includes(value)) found.push(`${table.name}: ${value}`);
  }
  return found;
}

function states(events: readonly DomainEvent[]): ComplaintState[] {
  const byComplaint = new Map<string, DomainEvent[]>();
  for (const event of events) byComplaint.set(event.complaintId, [...(byComplaint.get(event.complaintId) ?? []), event]);
  return [...byComplaint.values()].map((history) => foldComplaint(history));
}

/** The KPI table by person and by channel, over all time. */
const kpis = (events: readonly DomainEvent[]) =>
  (['person', 'channel'] as const).map((groupBy) =>
    computeKpis(states(events), { policy: DEFAULT_POLICY, calendar: CN_CALENDAR, period: { from: '2020-01-01T00:00:00.000Z', to: '2030-01-01T00:00:00.000Z' }, now: '2030-01-01T00:00:00.000Z', groupBy }),
  );

/** Two ended complaints with every personal field and an evidence file: one handled and closed, one voided. */
async function endedComplaints(d: TestDesk): Promise<void> {
  const put = await d.api.call('evidence.put', { name: FILE_NAME, mime: 'image/png', dataBase64: FILE_BYTES.toString('base64') });
  if (!put.ok) throw new Error(put.error.code);
  const closed = await d.store.register(walkIn({ complainant: PERSONAL, evidence: [put.value] }));
  const voided = await d.store.register(walkIn({ complainant: { ...PERSONAL } }));
  if (!closed.ok || !voided.ok) throw new Error('register refused');
  const supervisor = await d.main.window('supervisor');
  const step = async (api: Api, complaintId: string, action: string, input: unknown) => {
    const done = await api.call('complaints.decide', { requestId: crypto.randomUUID(), action: action as never, complaintId: complaintId as never, input });
    if (!done.ok) throw new Error(`${action}: ${done.error.code} ${done.error.message}`);
  };
  await step(d.api, closed.value.id, 'acknowledge', {});
  await step(d.api, closed.value.id, 'resolve', { communicatedBy: 'phone', communicatedAt: d.now(), summary: '已退款，顾客接受' });
  await step(d.api, closed.value.id, 'followUp', { method: 'phone', reached: true, satisfaction: 4 });
  await step(supervisor, closed.value.id, 'close', {});
  await step(supervisor, voided.value.id, 'void', { reason: '重复登记' });
  await d.store.catchUp();
}

describe('anonymisation after retention', () => {
  it('removes every personal value from the data folder and IndexedDB, keeps the statistics, and records who did it', async () => {
    const d = await desk();
    await endedComplaints(d);
    const open = await d.store.register(walkIn({ complainant: { name: '仍在处理的客户', phone: '137 0000 1111' } }));
    expect(open.ok).toBe(true);
    expect(await personalDataIn(d.main.dir)).not.toEqual([]);
    const before = await d.main.journal();

    d.setNow('2029-11-24T02:00:00.000Z'); // three years (1095 days) and a day after they ended
    const admin = await adminWindow(d.main);
    const preview = await admin.call('records.anonymisationPreview', {});
    if (!preview.ok) throw new Error(preview.error.code);
    expect(preview.value).toMatchObject({ complaints: 2, retentionDays: 1095, evidenceFiles: 1, fields: { name: 2, phone: 2, email: 2, address: 2, customerNumber: 2 } });

    const done = await admin.call('records.anonymise', { endedBefore: preview.value.endedBefore, complaints: 2 });
    expect(done).toEqual({ ok: true, value: { anonymised: 2, evidenceFilesDeleted: 1 } });
    // The clerk's window, signed in again three years on, catches up with main's journal.
    expect((await d.api.call('auth.signIn', { username: 'lihua', password: 'staff-pass-1' })).ok).toBe(true);
    expect((await d.store.catchUp()).ok).toBe(true);

    expect(await personalDataIn(d.main.dir)).toEqual([]);
    expect(await personalDataInIndexedDb(d)).toEqual([]);
    const after = await d.main.journal();
    // The complaint still open keeps its customer.
    expect(JSON.stringify(after)).toContain('仍在处理的客户');
    const stamped = after.filter((event) => event.type === 'Anonymised');
    expect(stamped.map((event) => [event.actor, event.at])).toEqual([
      ['u-admin', '2029-11-24T02:00:00.000Z'],
      ['u-admin', '2029-11-24T02:00:00.000Z'],
    ]);
    const [byPerson] = kpis(before);
    expect(byPerson?.total).toMatchObject({ count: 2, resolutionRate: 50 });
    expect(kpis(after)).toEqual(kpis(before));
    // The run is on the audit log: who, when, the cut-off and how many.
    const audit = (await readFile(join(d.main.dir, 'audit', 'exports.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit.filter((entry) => entry.kind === 'anonymisation')).toEqual([
      expect.objectContaining({ username: 'admin', at: '2029-11-24T02:00:00.000Z', endedBefore: preview.value.endedBefore, complaints: 2, evidenceFiles: 1 }),
    ]);
    // Nothing left to do: the next preview is empty.
    const again = await admin.call('records.anonymisationPreview', {});
    expect(again.ok && again.value.complaints).toBe(0);
  });

  it('refuses every wrong request and changes nothing', async () => {
    const d = await desk();
    await endedComplaints(d);
    const journalFile = join(d.main.dir, 'journal', 'events.v1.jsonl');
    const bytes = await readFile(journalFile);
    const admin = await adminWindow(d.main);

    // Before retention ends: nothing is due, and asking for a later cut-off is refused with the date it ends.
    const early = await admin.call('records.anonymise', { endedBefore: '2026-11-24T00:00:00.000Z', complaints: 2 });
    expect(early.ok ? 'done' : early.error.code).toBe('retention_not_reached');

    d.setNow('2029-11-24T02:00:00.000Z');
    const later = await adminWindow(d.main, 'admin-window-2029');
    const preview = await later.call('records.anonymisationPreview', {});
    if (!preview.ok) throw new Error(preview.error.code);
    const wrongCount = await later.call('records.anonymise', { endedBefore: preview.value.endedBefore, complaints: 1 });
    expect(wrongCount.ok ? 'done' : [wrongCount.error.code, wrongCount.error.params]).toEqual(['anonymisation_changed', { expected: 1, found: 2 }]);
    for (const role of ['staff', 'supervisor'] as const) {
      const other = await d.main.window(role);
      const refused = await other.call('records.anonymise', { endedBefore: preview.value.endedBefore, complaints: 2 });
      expect(refused.ok ? 'done' : refused.error.code).toBe('not_allowed');
    }
    // A window cannot take the step itself: only main takes it, together with rewriting the journal.
    const [first] = await d.main.journal();
    const proposed = await later.call('complaints.decide', { requestId: 'anonymise-1', action: 'anonymise' as never, complaintId: first?.complaintId as never, input: { endedBefore: preview.value.endedBefore } });
    expect(proposed.ok ? 'done' : proposed.error.code).toBe('invalid_input');
    expect(await readFile(journalFile)).toEqual(bytes);
  });

  it('finishes an anonymisation a crash interrupted after its events were journaled', async () => {
    const d = await desk();
    await endedComplaints(d);
    const journalFile = join(d.main.dir, 'journal', 'events.v1.jsonl');
    const withPersonalData = await readFile(journalFile, 'utf8');
    d.setNow('2029-11-24T02:00:00.000Z');
    const admin = await adminWindow(d.main);
    const preview = await admin.call('records.anonymisationPreview', {});
    if (!preview.ok) throw new Error(preview.error.code);
    expect((await admin.call('records.anonymise', { endedBefore: preview.value.endedBefore, complaints: 2 })).ok).toBe(true);
    const finished = await readFile(journalFile, 'utf8');

    // The folder as a crash right after the Anonymised events reached the disk would leave it.
    const crashed = await mkdtemp(join(tmpdir(), 'desk-crashed-'));
    try {
      await cp(d.main.dir, crashed, { recursive: true });
      await rm(join(crashed, 'desk.lock'));
      const anonymisedLines = finished.split('\n').filter((line) => line.includes('"type":"Anonymised"'));
      await writeFile(join(crashed, 'journal', 'events.v1.jsonl'), `${withPersonalData}${anonymisedLines.join('\n')}\n`);
      const reopened = await openDesk({ dataDir: crashed, mode: 'browser', version: 'test', validateOutput: true, log: memoryLogger(), now: () => new Date('2029-11-24T03:00:00.000Z') });
      await reopened.close();
      expect(await readFile(join(crashed, 'journal', 'events.v1.jsonl'), 'utf8')).toBe(finished);
    } finally {
      await rm(crashed, { recursive: true, force: true });
    }
  });
});
