/**
 * Fault suite, damaged files: each file of the data folder damaged (or lost) in the way a crash, a bad copy or
 * a newer app leaves it. The real command refuses to open (or, for settings, starts with the defaults) with a
 * message naming the file and what to do, and the damaged bytes stay as they were, for a person to restore.
 */
import { cp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/messages.en';
import { zhCN } from '../../renderer/i18n/messages.zh-CN';
import {
  expectFollows,
  expectJournalKeepsPromises,
  journalPath,
  logPath,
  numberOf,
  openTab,
  readJournal,
  register,
  setUpBranch,
  SETUP,
  signIn,
  startCli,
  stopCli,
  withWorkspace,
} from './harness';

const RESTORE_EN = 'Complaint Desk has changed nothing. Restore the data folder from its latest backup, then start again';
const RESTORE_ZH = '投诉受理台没有改动任何内容。请从最近的备份恢复整个数据文件夹后再启动';

/** A data folder left by a clean run: a branch, its admin, and two registered complaints. */
let base: { dir: string; rendererDir: string; dataDir: string; numbers: string[] };
let release: () => void;
let released: Promise<void>;

beforeAll(async () => {
  const ready = new Promise<typeof base>((resolve) => {
    released = withWorkspace(async (space) => {
      const cli = startCli(space.dataDir, space.rendererDir);
      const numbers: string[] = [];
      try {
        const tab = await openTab(await cli.url);
        await setUpBranch(tab);
        for (let index = 0; index < 2; index += 1) numbers.push(numberOf(await register(tab)) ?? 'none');
      } finally {
        expect(await stopCli(cli)).toBe(0);
      }
      resolve({ ...space, numbers });
      await new Promise<void>((done) => (release = done));
    });
  });
  base = await ready;
}, 45_000);

afterAll(async () => {
  release();
  await released;
});

/** A copy of the base folder to damage. */
async function copyOfBase(name: string): Promise<string> {
  const dataDir = join(base.dir, name);
  await cp(base.dataDir, dataDir, { recursive: true });
  return dataDir;
}

/** Starts the command on `dataDir`, expects it to refuse, and returns what it said. */
async function expectRefusal(dataDir: string, lang: 'en' | 'zh-CN' = 'en'): Promise<string> {
  const cli = startCli(dataDir, base.rendererDir, lang);
  const code = await cli.exited;
  const { stdout, stderr } = cli.output();
  expect(code, stderr).toBe(1);
  expect(stdout).not.toContain('http://127.0.0.1:');
  expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  expect(await readFile(join(dataDir, 'desk.lock')).catch(() => 'released')).toBe('released');
  return stderr;
}

// Each case damages its own copy, so they run side by side.
describe.concurrent('fault: a damaged or lost file in the data folder', { timeout: 45_000 }, () => {
  it('a complete but damaged last journal line: refused naming the file and line (zh-CN and en), bytes unchanged', async () => {
    const dataDir = await copyOfBase('damaged-line');
    const journal = await readFile(journalPath(dataDir), 'utf8');
    const lines = journal.split('\n');
    const last = lines[lines.length - 2] ?? '';
    // A few bytes of the last line overwritten: still a whole line, no longer JSON.
    lines[lines.length - 2] = `${last.slice(0, 40)}\u0000\u0000\u0000${last.slice(43)}`;
    await writeFile(journalPath(dataDir), lines.join('\n'));
    const damaged = await readFile(journalPath(dataDir));
    const zh = await expectRefusal(dataDir, 'zh-CN');
    expect(zh).toContain(`事件日志 ${journalPath(dataDir)} 第 2 行已损坏`);
    expect(zh).toContain(RESTORE_ZH);
    const english = await expectRefusal(dataDir, 'en');
    expect(english).toContain(`The journal ${journalPath(dataDir)} is damaged at line 2 (not JSON)`);
    expect(english).toContain(RESTORE_EN);
    expect(await readFile(journalPath(dataDir))).toEqual(damaged);
  });

  it('an event line written by a newer version: refused, asking for that version, bytes unchanged', async () => {
    const dataDir = await copyOfBase('newer-version');
    const { events } = await readJournal(dataDir);
    const newer = { ...events[events.length - 1], id: 'from-a-newer-app', seq: events.length + 1, type: 'Acknowledged', v: 9, payload: { viaKiosk: true } };
    await writeFile(journalPath(dataDir), `${JSON.stringify(newer)}\n`, { flag: 'a' });
    const before = await readFile(journalPath(dataDir));
    const said = await expectRefusal(dataDir);
    expect(said).toContain(`The journal ${journalPath(dataDir)} holds, at line 3, an event written by a newer version of Complaint Desk`);
    expect(said).toContain('Install that newer version to open this data folder.');
    expect(await readFile(journalPath(dataDir))).toEqual(before);
  });

  it.each([
    ['users.json', '{"version":2,"users":[{"id":"u-1","username":'],
    ['branch.json', '{"version":1,"branch":{"code":"BR01"},"configuredAt":"2026-11-30"}\n'],
  ])('a damaged %s: refused at start naming the file, bytes unchanged', async (name, damage) => {
    const dataDir = await copyOfBase(`damaged-${name}`);
    await writeFile(join(dataDir, name), damage);
    const said = await expectRefusal(dataDir);
    expect(said).toContain(`The file ${join(dataDir, name)} is damaged (`);
    expect(said).toContain(RESTORE_EN);
    expect(await readFile(join(dataDir, name), 'utf8')).toBe(damage);
  });

  it('a journal shorter than its checkpoint: refused, saying events were lost, bytes unchanged', async () => {
    const dataDir = await copyOfBase('shortened');
    const lines = (await readFile(journalPath(dataDir), 'utf8')).split('\n');
    await truncate(journalPath(dataDir), Buffer.byteLength(`${lines[0]}\n`));
    const before = await readFile(journalPath(dataDir));
    const said = await expectRefusal(dataDir);
    expect(said).toContain(`The journal ${journalPath(dataDir)} holds 1 event, but 2 were confirmed as saved: events have been lost.`);
    expect(said).toContain(RESTORE_EN);
    expect(await readFile(journalPath(dataDir))).toEqual(before);
  });

  it('a lost journal (its checkpoint remains): refused rather than starting an empty one', async () => {
    const dataDir = await copyOfBase('journal-lost');
    await rm(journalPath(dataDir));
    const said = await expectRefusal(dataDir);
    expect(said).toContain(`The journal ${journalPath(dataDir)} is missing, but 2 events were confirmed as saved`);
    expect(said).toContain(RESTORE_EN);
    await expect(readFile(journalPath(dataDir))).rejects.toThrow(/ENOENT/);
  });

  it('a lost branch.json beside accounts and complaints: set-up is refused with a message naming the file, nothing is replaced', async () => {
    const dataDir = await copyOfBase('branch-lost');
    await rm(join(dataDir, 'branch.json'));
    const users = await readFile(join(dataDir, 'users.json'));
    const journal = await readFile(journalPath(dataDir));
    const cli = startCli(dataDir, base.rendererDir);
    try {
      const tab = await openTab(await cli.url);
      const path = join(dataDir, 'branch.json');
      expect(await tab.call('setup.status', {})).toEqual({ ok: true, value: { configured: false, problem: { code: 'branch_file_missing', path } } });
      // The set-up form would start a second branch over this journal and replace every account: refused.
      const again = await tab.call('setup.createBranch', { ...SETUP, branchCode: 'BR02' });
      expect(again).toMatchObject({ ok: false, error: { code: 'branch_file_missing', params: { path } } });
      // …and the window has a sentence for it, in both languages, saying to restore from a backup.
      expect(en.refusal.branch_file_missing).toContain('{{path}}');
      expect(en.refusal.branch_file_missing).toContain('restore the data folder');
      expect(zhCN.refusal.branch_file_missing).toContain('{{path}}');
      expect(zhCN.refusal.branch_file_missing).toContain('从最近的备份恢复');
    } finally {
      expect(await stopCli(cli)).toBe(0);
    }
    expect(await readFile(join(dataDir, 'users.json'))).toEqual(users);
    expect(await readFile(journalPath(dataDir))).toEqual(journal);
    await expect(readFile(join(dataDir, 'branch.json'))).rejects.toThrow(/ENOENT/);
  });

  it('a damaged settings.json: starts with the default settings, logs the file, leaves its bytes; complaints go on', async () => {
    const dataDir = await copyOfBase('damaged-settings');
    const damage = '{"version":1,"language":"en","prefs":{';
    await writeFile(join(dataDir, 'settings.json'), damage);
    // No --lang: that would be a change of settings, which replaces the file by design.
    const cli = startCli(dataDir, base.rendererDir, null);
    try {
      const tab = await openTab(await cli.url);
      expect(await tab.call('settings.get', {})).toEqual({ ok: true, value: { language: 'zh-CN', prefs: {} } });
      const log = await readFile(logPath(dataDir), 'utf8');
      expect(log).toContain('settings: the file is damaged; using the defaults until the next change replaces it');
      expect(log).toContain(join(dataDir, 'settings.json'));
      await signIn(tab);
      const next = numberOf(await register(tab));
      expectFollows(next, base.numbers);
      await expectJournalKeepsPromises(dataDir, [...base.numbers, next ?? '']);
    } finally {
      expect(await stopCli(cli)).toBe(0);
    }
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe(damage);
  });
});
