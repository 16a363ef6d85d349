import 'fake-indexeddb/auto';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { describe, expect, it } from 'vitest';
import { ComplaintIdSchema } from '../../shared/brand';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import type { DomainEvent } from '../../shared/domain/events';
import { foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { generateSeed } from '../../shared/seed/generator';
import { createRandom } from '../../shared/seed/random';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V10 } from './db';
import { stateSummarizer } from './summarize';
import { createEventImporter } from './import-events';
import { openDeskDb } from './open';
import { loadTimeline } from './queries';
import { StoredEventError, toDomainEvent, type StoredEvent } from './records';
import { freshName, storedEvents } from '../../tests/unit/store/desk';
import { readDexieFixture, rowsOf, writeDexieFixture } from '../../tests/unit/store/fixtures';
import { readEventFixture } from '../../tests/unit/fixtures/events';

/** A row as IndexedDB hands it back: whatever was stored, typed as this build writes it (which is the point). */
const asStored = (row: unknown): StoredEvent => row as StoredEvent;
const v1Line = readEventFixture('InvestigationRecorded.v1').line as Record<string, unknown>;

describe('toDomainEvent', () => {
  it('reads a stored line of an older payload version at the current one, without the renderer’s flag', () => {
    const event = toDomainEvent(asStored({ ...v1Line, journaled: 1 }));
    expect(event).toEqual({ ...v1Line, v: 2, payload: { ...(v1Line.payload as object), cannotResolveAlone: false } });
    expect(event).not.toHaveProperty('journaled');
  });

  it.each([
    ['a field the renderer never stored', { outboxAttempts: 2 }, 'invalid_event', ''],
    ['a version a newer build wrote', { v: 3 }, 'unsupported_event_version', 'v'],
    ['a type this build does not know', { type: 'ComplaintTeleported' }, 'unknown_event_type', 'type'],
    ['a damaged payload', { payload: { findings: '', interviewed: [] } }, 'invalid_event', 'payload.findings'],
  ])('throws StoredEventError on %s, naming the event and the field', (_label, change, code, path) => {
    const read = () => toDomainEvent(asStored({ ...v1Line, ...change, journaled: 0 }));
    expect(read).toThrow(StoredEventError);
    expect(read).toThrow(/e-7d2e41a0-0047 \(seq 47\)/);
    try {
      read();
    } catch (error) {
      expect(error).toMatchObject({ eventId: 'e-7d2e41a0-0047', seq: 47, refusal: { code, path } });
    }
  });
});

describe('reading a damaged log', () => {
  /** The current fixture database with complaint 赵敏's investigation line damaged on disk. */
  async function damagedDesk() {
    const fixture = readDexieFixture(CURRENT_SCHEMA_VERSION);
    const journalBlocks = rowsOf(fixture, 'journalBlocks').map((block) => ({
      ...block,
      events: (block.events as Record<string, unknown>[]).map((event) => (event.id === 'e-fx-005' ? { ...event, v: 7 } : event)),
    }));
    const name = freshName('damaged');
    await writeDexieFixture(name, { ...fixture, tables: { ...fixture.tables, journalBlocks } }, SCHEMA_V10);
    const db = openDeskDb(name, { policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK });
    await db.open();
    const zhao = rowsOf(fixture, 'complaints').find((row) => row.number === 'SH01-20261123-0001');
    if (!zhao) throw new Error('fixture');
    return { db, zhao: ComplaintIdSchema.parse(zhao.id) };
  }

  it('the complaint page refuses to show a timeline it cannot read', async () => {
    const { db, zhao } = await damagedDesk();
    await expect(loadTimeline(db, zhao)).rejects.toMatchObject({ name: 'StoredEventError', eventId: 'e-fx-005', refusal: { code: 'unsupported_event_version' } });
    db.close();
  });

  it('a catch-up that continues the complaint refuses to fold onto it, and writes nothing', async () => {
    const { db, zhao } = await damagedDesk();
    const importer = createEventImporter(db, stateSummarizer(DEFAULT_POLICY_BOOK, AROUND_THE_CLOCK));
    const note = toDomainEvent(asStored({ id: 'e-fx-011', complaintId: zhao, branch: 'SH01', seq: 11, type: 'NoteAdded', v: 1, at: '2026-11-24T05:00:00.000Z', actor: 'u-staff', payload: { text: '顾客来电询问进度' } }));
    const rowBefore = await db.complaints.get(zhao);
    await expect(importer.importChunk([note])).rejects.toBeInstanceOf(StoredEventError);
    expect(await storedEvents(db)).toHaveLength(10);
    expect(await db.complaints.get(zhao)).toEqual(rowBefore);
    db.close();
  });
});

describe('folding stored events', () => {
  /**
   * What parsing costs on the way out of IndexedDB, against the cast it replaced. A figure for the record (see
   * the commit), not an assertion: timing on a shared machine is not a test. Both folds must agree exactly.
   */
  it('folds 10 000 stored events through the parse to the same states as the old cast, and reports the cost', () => {
    const seed = generateSeed({ branches: 1, complaints: 1000 }, createRandom(7));
    const rows: StoredEvent[] = (JSON.parse(JSON.stringify(seed.events.slice(0, 10_000))) as DomainEvent[]).map((event) => ({ ...event, journaled: 1 }));
    const cast = (stored: StoredEvent): DomainEvent => {
      const { journaled: _journaled, ...event } = stored;
      return event as DomainEvent;
    };
    const foldAll = (read: (stored: StoredEvent) => DomainEvent): Map<string, ComplaintState> => {
      const byComplaint = new Map<string, DomainEvent[]>();
      for (const row of rows) {
        const event = read(row);
        const list = byComplaint.get(event.complaintId);
        if (list) list.push(event);
        else byComplaint.set(event.complaintId, [event]);
      }
      return new Map([...byComplaint].map(([id, events]) => [id, foldComplaint(events)]));
    };
    const median = (read: (stored: StoredEvent) => DomainEvent): number => {
      const times: number[] = [];
      for (let round = 0; round < 7; round += 1) {
        const start = performance.now();
        foldAll(read);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[3] ?? Number.NaN;
    };
    expect(rows).toHaveLength(10_000);
    expect(foldAll(toDomainEvent)).toEqual(foldAll(cast));
    const [before, after] = [median(cast), median(toDomainEvent)];
    console.info(`fold of ${rows.length} stored events: cast ${before.toFixed(1)} ms, parsed ${after.toFixed(1)} ms (median of 7)`);
  });
});
