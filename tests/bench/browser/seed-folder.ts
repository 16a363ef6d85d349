/**
 * A data folder as a desk that has run for a year leaves it: the branch set up through the real services
 * (openDesk, `setup.createBranch`), then the generated data set written as main's journal, which the authority
 * folds the next time it opens. Done before the browser-mode server starts on the folder.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { openDesk } from '../../../electron/services/desk';
import { ComplaintIdSchema } from '../../../shared/brand';
import { ADMIN } from '../../e2e/fixtures';
import { BENCH_BRANCH, BENCH_TIME_ZONE } from '../dataset';

/** Sets the branch up (admin ADMIN) in `dataDir`, which must be empty; answers the journal file and the admin's id. */
async function createBranch(dataDir: string): Promise<{ journalFile: string; adminId: string }> {
  const desk = await openDesk({ dataDir, mode: 'browser', version: 'bench', validateOutput: true });
  try {
    const created = await desk.dispatch(
      'setup.createBranch',
      { branchCode: BENCH_BRANCH, branchName: ADMIN.branchName, timeZone: BENCH_TIME_ZONE, adminUsername: ADMIN.username, password: ADMIN.password, confirmPassword: ADMIN.password },
      { window: 'bench' },
    );
    if (!created.ok) throw new Error(`setup.createBranch: ${created.error.message}`);
    return { journalFile: desk.layout.journalFile, adminId: (created.value as { user: { id: string } }).user.id };
  } finally {
    await desk.close();
  }
}

const repoRoot = join(import.meta.dirname, '..', '..', '..');

export const SeededDataset = z.object({
  events: z.number().int(),
  complaints: z.number().int(),
  long: z.object({ id: ComplaintIdSchema, lastNote: z.string() }),
  /** Complaint rows an import page by page would write (one per page a complaint has events in); a restore writes each once. */
  rowWritesByPage: z.number().int(),
});

/** Generates and writes the journal in a process of its own (write-journal.ts), with room for a million events. */
function writeJournal(file: string, complaints: number, backlog: number, longEvents: number, page: number): Promise<z.infer<typeof SeededDataset>> {
  const script = join(repoRoot, 'tests', 'bench', 'browser', 'write-journal.ts');
  const args = ['--max-old-space-size=8192', '--import', 'tsx', script, file, String(complaints), String(backlog), String(longEvents), String(page)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: repoRoot, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`write-journal failed: ${error.message}\n${stderr}`));
      else resolve(SeededDataset.parse(JSON.parse(stdout)));
    });
  });
}

export async function seedDataFolder(dataDir: string, { complaints, backlog, longEvents, page }: { complaints: number; backlog: number; longEvents: number; page: number }) {
  const started = performance.now();
  const { journalFile, adminId } = await createBranch(dataDir);
  const dataset = await writeJournal(journalFile, complaints, backlog, longEvents, page);
  return { ...dataset, ms: performance.now() - started, journalFile, adminId };
}
