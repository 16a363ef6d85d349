/**
 * `npm run start:web` as the e2e harness uses it: a real child process that prints the URL, serves the API
 * behind the token from that URL, and exits cleanly on SIGTERM.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLaunchFragment } from '../../../shared/api/launch';
import { createApi, httpTransport } from '../../../renderer/platform/transport';
import { lockDataFolder } from '../../../electron/services/folderLock';
import { withTempDir } from './fixtures';
import { spawnWebCli } from '../../faults/harness';

const startCli = (args: string[]) => spawnWebCli(args);

describe('start:web command', () => {
  it('prints the URL, answers with the token from it, and stops cleanly on SIGTERM', async () => {
    await withTempDir(async (dir) => {
      const rendererDir = join(dir, 'renderer');
      await mkdir(rendererDir);
      await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
      const dataDir = join(dir, 'data');
      const cli = startCli(['--port', '0', '--data-dir', dataDir, '--lang', 'en', '--renderer-dir', rendererDir]);
      try {
        const url = await cli.url;
        const { token, language } = readLaunchFragment(new URL(url).hash);
        expect(language).toBe('en');
        const api = createApi(httpTransport({ baseUrl: url, token: token ?? '', window: 'cli-test-window-0001' }));
        expect(await api.call('app.info', {})).toEqual({ ok: true, value: { version: expect.any(String), mode: 'browser', dataDir } });
        expect(await api.call('settings.get', {})).toMatchObject({ ok: true, value: { language: 'en' } });
      } finally {
        cli.child.kill('SIGTERM');
      }
      expect(await cli.exited).toBe(0);
      expect(await readFile(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('browser mode stopped');
    });
  });

  it('says clearly what to do when the app is not built', async () => {
    await withTempDir(async (dir) => {
      const cli = startCli(['--port', '0', '--data-dir', join(dir, 'data'), '--renderer-dir', join(dir, 'nothing-here')]);
      expect(await cli.exited).toBe(2);
      expect(cli.output().stderr).toContain('npm run build');
    });
  });

  it('says in the person’s language that another Complaint Desk has the folder, and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const rendererDir = join(dir, 'renderer');
      await mkdir(rendererDir);
      await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
      const dataDir = join(dir, 'data');
      await mkdir(dataDir);
      const other = await lockDataFolder(join(dataDir, 'desk.lock'), 'electron', () => new Date('2026-11-30T08:00:00.000Z'));
      try {
        const cli = startCli(['--port', '0', '--data-dir', dataDir, '--lang', 'en', '--renderer-dir', rendererDir]);
        expect(await cli.exited).toBe(1);
        expect(cli.output().stderr).toContain(`in use by another Complaint Desk (desktop app, process ${process.pid}`);
        expect(cli.output().stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
        expect(await readdir(dataDir)).toEqual(['desk.lock']);
      } finally {
        await other.release();
      }
    });
  });

  it('refuses a bad --lang and a bad --port', async () => {
    const lang = startCli(['--lang', 'fr']);
    expect(await lang.exited).toBe(2);
    expect(lang.output().stderr).toContain('--lang');
    const port = startCli(['--port', 'eighty']);
    expect(await port.exited).toBe(2);
    expect(port.output().stderr).toContain('--port');
  });
});
