/**
 * Every complaint's search doc (records.ts), kept in memory per database: every search and every register filter
 * reads them all, and reading 100 000 docs out of IndexedDB is most of their time.
 *
 * The docs change with almost every step (a status, an assignee), so the copy is kept up to date rather than
 * dropped: the import that writes docs also leaves them here as a patch from the docs' version before to the one
 * after (the version is the counter SEARCH_DOCS_VERSION_KEY, the journal position of the last change). A read
 * applies the patches that lead from its copy's version to the one stored — which the stored version can only
 * reach once their transactions committed — and reloads everything when none does (another window wrote, or a
 * transaction failed).
 */
import type { ComplaintId } from '../../shared/brand';
import { SEARCH_DOCS_VERSION_KEY } from './counters';
import type { DeskDb } from './db';
import type { SearchDoc } from './records';
import { allSearchDocs } from './search-hours';

interface Copy {
  version: number;
  docs: readonly SearchDoc[];
  /** Where each complaint's doc is in `docs`. */
  at: Map<ComplaintId, number>;
}

interface Patch {
  before: number;
  after: number;
  docs: readonly SearchDoc[];
}

/** Patches kept at most: a window that imports more without searching reloads once instead. */
const PATCHES_MAX = 200;

const copies = new WeakMap<DeskDb, Copy>();
const patches = new WeakMap<DeskDb, Patch[]>();

const storedVersion = async (db: DeskDb): Promise<number> => (await db.counters.get(SEARCH_DOCS_VERSION_KEY))?.last ?? 0;

/** The copy brought to `version` by the patches kept, or undefined when they do not lead there. */
function patched(db: DeskDb, copy: Copy, version: number): Copy | undefined {
  const chain: Patch[] = [];
  let reached = copy.version;
  for (const patch of patches.get(db) ?? []) {
    if (reached === version) break;
    if (patch.before === reached) {
      chain.push(patch);
      reached = patch.after;
    }
  }
  if (reached !== version) return undefined;
  // A new array, copied once for the whole chain: a caller may still hold the one it was given. The map is
  // this module's own.
  const docs = [...copy.docs];
  const { at } = copy;
  for (const doc of chain.flatMap((patch) => patch.docs)) {
    const index = at.get(doc.id);
    if (index === undefined) {
      at.set(doc.id, docs.length);
      docs.push(doc);
    } else docs[index] = doc;
  }
  return { version, docs, at };
}

/** Keeps `copy`, and the patches that lead on from it (an import may have left some while a reload went on). */
function keep(db: DeskDb, copy: Copy): void {
  copies.set(db, copy);
  patches.set(db, (patches.get(db) ?? []).filter((patch) => patch.before >= copy.version));
}

/** Every search doc as stored now. */
export async function cachedSearchDocs(db: DeskDb): Promise<readonly SearchDoc[]> {
  const version = await storedVersion(db);
  const copy = copies.get(db);
  const current = copy && (copy.version === version ? copy : patched(db, copy, version));
  if (current) {
    keep(db, current);
    return current.docs;
  }
  // Version and docs read in one transaction, so the docs kept are exactly those of the version kept.
  return db.transaction('r', [db.counters, db.searchHours], async () => {
    const [stored, docs] = await Promise.all([storedVersion(db), allSearchDocs(db.searchHours)]);
    keep(db, { version: stored, docs, at: new Map(docs.map((doc, index) => [doc.id, index])) });
    return docs;
  });
}

/** Called by an import in the transaction that writes `docs` and moves the docs' version from `before` to `after`. */
export function searchDocsWritten(db: DeskDb, before: number, after: number, docs: readonly SearchDoc[]): void {
  const kept = patches.get(db) ?? [];
  if (kept.length >= PATCHES_MAX) forgetSearchDocs(db);
  else patches.set(db, [...kept, { before, after, docs }]);
}

/** Forgets the copy (the database was emptied). */
export function forgetSearchDocs(db: DeskDb): void {
  copies.delete(db);
  patches.delete(db);
}
