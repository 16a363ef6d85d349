/**
 * The journal's identity and confirmed length, kept outside it: a journal that was emptied, cut short or
 * swapped for another file looks like a perfectly valid journal from the inside, so only a record kept
 * elsewhere can tell. The checkpoint holds the journal's random id, the last journaled seq, and that event's
 * id and the sha256 of its stored line (the raw line, so an app upgrade that reads old events differently
 * does not change it).
 *
 * Why a file of its own (`journal.checkpoint.json` beside `branch.json`) rather than a field of branch.json:
 * it is rewritten after appends, while branch.json is the set-up record whose presence means "configured" and
 * which only set-up writes; and it stays outside `journal/`, so a journal folder deleted or restored as a
 * whole is still caught.
 *
 * It may lag behind the journal after a crash (appends are confirmed by the journal's own fsync; the
 * checkpoint is written after, coalesced): a journal longer than the checkpoint is fine as long as the event
 * at the checkpoint's seq is the one recorded.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import { describeError, type Logger } from './log';

const CheckpointSchema = z
  .strictObject({
    version: z.literal(1),
    journalId: z.string().min(1),
    seq: z.number().int().nonnegative(),
    /** The event at `seq`; null while the journal is empty. */
    last: z.strictObject({ id: z.string().min(1), lineSha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  })
  .refine((checkpoint) => (checkpoint.seq === 0) === (checkpoint.last === null), 'last: given exactly when seq is above 0');

export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** The stored checkpoint, undefined if there is none; a damaged one throws `data_file_damaged`. */
export const readCheckpoint = (file: string): Promise<Checkpoint | undefined> => readJsonFile(file, CheckpointSchema);

export const lineDigest = (line: string): string => createHash('sha256').update(line).digest('hex');

export interface CheckpointWriter {
  /** Records a longer journal; written in the background, only the newest when appends come quickly. */
  advance(next: Checkpoint): void;
  /** Waits for the write in flight and writes the newest checkpoint if it is not on disk yet. */
  flush(): Promise<void>;
}

export async function writeCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await writeJsonAtomic(file, checkpoint);
}

export function createCheckpointWriter(file: string, onDisk: Checkpoint, log: Logger): CheckpointWriter {
  let wanted = onDisk;
  let written = onDisk.seq;
  let running: Promise<void> | undefined;

  async function catchUp(): Promise<void> {
    while (written < wanted.seq) {
      const next = wanted;
      await writeCheckpoint(file, next);
      written = next.seq;
    }
  }

  return {
    advance(next) {
      wanted = next;
      // A failed write only lets the checkpoint lag (allowed); the next append or the close tries again.
      running ??= catchUp()
        .catch((error: unknown) => log.error('journal: could not write the checkpoint', { file, ...describeError(error) }))
        .finally(() => (running = undefined));
    },
    async flush() {
      await running;
      await catchUp();
    },
  };
}
