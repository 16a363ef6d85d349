/**
 * The browser benchmarks' desk: a fresh data folder whose journal holds the generated data set, browser mode
 * serving the built renderer and the real services on it, and Debian's Chromium with a profile on disk. Prints
 * the set-up figures; everything is removed afterwards.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { JOURNAL_PAGE_MAX } from '../../../shared/api/contract';
import { readLaunchFragment } from '../../../shared/api/launch';
import { deskDbName } from '../../../renderer/store/dbName';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { ADMIN, newDataDir } from '../../e2e/fixtures';
import { duration, figureRow } from './figures';
import { addBench, callBench } from './page';
import { seedDataFolder } from './seed-folder';
import { startBenchServer } from './server';
import { reportMachine } from '../machine-report';

export interface BenchDesk {
  readonly context: BrowserContext;
  /** The address browser mode printed (its fragment carries the token). */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** The signed-in admin's working database, as the app names it (renderer/store/open.ts). */
  readonly appDatabase: string;
  readonly seeded: Awaited<ReturnType<typeof seedDataFolder>>;
  /** A page on the app's origin that does not run the app (same IndexedDB, nothing reacting to writes), with the bench bundle, signed in. */
  scratchPage(): Promise<Page>;
  /**
   * `work` in a browser of its own on a new profile (empty storage: nothing any other run wrote lies under what
   * this one writes), given a scratch page there; the browser and its profile are removed afterwards.
   */
  withFreshProfile(work: (page: Page) => Promise<void>): Promise<void>;
}

/** Debian's Chromium on `profileDir`: on disk, as the app's (a context without one keeps IndexedDB in memory). */
const launch = (profileDir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions(), bypassCSP: true, viewport: { width: 1366, height: 800 } });

const newProfileDir = () => mkdtempSync(join(tmpdir(), 'complaint-desk-bench-profile-'));

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** Sets the desk up with `complaints` seed complaints (+ `backlog` unhandled, + one with `longEvents` events), runs `work`, removes it all. */
export async function withBenchDesk(
  { complaints, backlog, longEvents }: { complaints: number; backlog: number; longEvents: number },
  work: (desk: BenchDesk) => Promise<void>,
): Promise<void> {
  const machine = reportMachine();
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    console.log('  out/renderer is missing: run "npm run build" first. Nothing measured.');
    process.exitCode = 1;
    return;
  }
  const dataDir = newDataDir();
  // Whatever fails part-way (the generator, the server, the browser), what was made so far is removed.
  try {
    const setup = `${complaints.toLocaleString('en-US')} seed complaints over a year + ${backlog.toLocaleString('en-US')} left unhandled + 1 with ${longEvents} events`;
    console.log(`\n  Setup: ${setup}, written as main's journal`);
    const seeded = await seedDataFolder(dataDir, { complaints, backlog, longEvents, page: JOURNAL_PAGE_MAX });
    const journalMb = statSync(seeded.journalFile).size / 1e6;
    console.log(figureRow(`branch set up + ${seeded.events.toLocaleString('en-US')} events generated and written (Node)`, duration(seeded.ms), undefined, `${journalMb.toFixed(0)} MB`));
    const server = await startBenchServer(dataDir);
    console.log(figureRow('browser mode starts (main opens and folds the journal)', duration(server.openMs)));
    // A profile on disk, as the app's: a context without one keeps IndexedDB in memory, with a quota a million
    // events exceed (QuotaExceededError part-way through the restore).
    const profileDir = newProfileDir();
    try {
      const context = await launch(profileDir);
      const token = readLaunchFragment(new URL(server.url).hash).token ?? '';
      const origin = new URL(server.url).origin;
      const scratchPage = async (on: BrowserContext): Promise<Page> => {
        const page = await on.newPage();
        await page.goto(`${origin}/bench-scratch.txt`);
        await addBench(page);
        await callBench(page, 'signIn', [token, ADMIN.username, ADMIN.password], z.undefined());
        return page;
      };
      try {
        await work({
          context,
          url: server.url,
          origin,
          token,
          dataDir,
          appDatabase: deskDbName(ADMIN.branchCode, seeded.adminId),
          seeded,
          scratchPage: () => scratchPage(context),
          async withFreshProfile(inFresh) {
            const freshDir = newProfileDir();
            try {
              const fresh = await launch(freshDir);
              try {
                await inFresh(await scratchPage(fresh));
              } finally {
                await fresh.close();
              }
            } finally {
              rmSync(freshDir, { recursive: true, force: true });
            }
          },
        });
      } finally {
        await context.close();
      }
    } finally {
      await server.stop();
      rmSync(profileDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  machine.end();
}
