/**
 * The outbox's state in `sync/outbox.json` of the data folder, written atomically and fsync'd (jsonFile.ts)
 * before the engine acts on it: a planned batch is on disk before it is sent. A damaged file is logged and read
 * as a fresh outbox: nothing is lost by that (the journal is the outbox; head office answers where it stands
 * and resent batches are duplicates), only the enrolment must be pasted again.
 */
import { join } from 'node:path';
import { readJsonFile, writeJsonAtomic } from '../jsonFile';
import type { Logger } from '../log';
import { DeskOpenError } from '../openProblem';
import { EMPTY_OUTBOX, OutboxSchema, type Outbox } from './outbox';

export interface SyncFiles {
  readonly folder: string;
  readonly outboxFile: string;
  /** The branch's secret where no OS keychain keeps it (browser mode): mode 0600. */
  readonly secretFile: string;
  /** The organisation's personal-data key, kept the same way. */
  readonly personalDataKeyFile: string;
}

export function syncFiles(dataRoot: string): SyncFiles {
  const folder = join(dataRoot, 'sync');
  return { folder, outboxFile: join(folder, 'outbox.json'), secretFile: join(folder, 'secret'), personalDataKeyFile: join(folder, 'personal-data-key') };
}

export async function readOutbox(file: string, log: Logger): Promise<Outbox> {
  try {
    return (await readJsonFile(file, OutboxSchema)) ?? EMPTY_OUTBOX;
  } catch (error) {
    if (!(error instanceof DeskOpenError)) throw error;
    log.warn('sync: the outbox file is damaged; starting from an empty outbox (enrol again)', { file, error: error.message });
    return EMPTY_OUTBOX;
  }
}

export const writeOutbox = (file: string, outbox: Outbox): Promise<void> => writeJsonAtomic(file, outbox);
