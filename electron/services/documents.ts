/**
 * Documents main writes (SPEC §6): the record sheet (HTML preview, PDF, system print) and the register export
 * (CSV, XLSX). Every document is built here from main's own journal: the renderer names complaints, never
 * supplies markup, so nothing a page says is ever rendered in a privileged context.
 *
 * What differs between Electron and browser mode is passed in as a `DocumentPlatform`: how HTML becomes a PDF,
 * whether a system print dialog exists, and how a file reaches the person (save dialog, or bytes back for the
 * browser to download).
 *
 * Every document that reaches the person is written to the export audit log (auditLog.ts) before the call
 * returns: who, when, what (the register's filter, or the complaint) and how many rows. A cancelled save dialog
 * or print dialog delivered nothing and is not recorded. If the log cannot be written the call fails (a bug,
 * logged): in browser mode the bytes then never reach the renderer; a file the save dialog already wrote stays.
 */
import type { ApiHandlers } from '../../shared/api/contract';
import type { Caller } from '../../shared/api/dispatch';
import type { Delivery, documentsContract } from '../../shared/api/documents';
import type { Language, PublicUser } from '../../shared/api/schemas';
import type { ComplaintId } from '../../shared/brand';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { whyNot } from '../../shared/domain/commands';
import type { DomainEvent } from '../../shared/domain/events';
import { localDateKey } from '../../shared/domain/numbering';
import { foldComplaint } from '../../shared/domain/reducer';
import type { ComplaintState } from '../../shared/domain/state';
import { EXPORT_AUDIT_VERSION, type ExportAuditEntry } from '../../shared/export/audit';
import { toCsv } from '../../shared/export/csv';
import { canSeePersonalData } from '../../shared/export/personalData';
import { REGISTER_NAME, registerRows } from '../../shared/export/register';
import { toXlsx } from '../../shared/export/xlsx';
import { policyFor, type PolicyBook } from '../../shared/policy/book';
import { renderRecordSheet } from '../../shared/print/recordSheet';
import { sheetLabels } from '../../shared/print/sheetLabels';
import { ok, refuse, type Result } from '../../shared/result';
import type { AuditLog } from './auditLog';
import type { PdfEngine } from './pdf';
import type { z } from 'zod';

/** A finished file on its way to the person. */
export interface OutgoingFile {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

export interface DocumentPlatform {
  readonly pdf: PdfEngine;
  /** Shows the system print dialog for the HTML; absent where there is none (browser mode). */
  readonly print?: (html: string) => Promise<Result<{ printed: boolean }>>;
  readonly deliver: (file: OutgoingFile) => Promise<Result<Delivery>>;
}

export interface DocumentDeps {
  /** Events with seq > afterSeq, a page at a time (the journal's `read`). */
  readonly readJournal: (afterSeq: number, limit: number) => Promise<{ events: readonly DomainEvent[]; lastSeq: number }>;
  readonly branch: () => Promise<{ code: string; name: string; timeZone: string } | undefined>;
  readonly users: () => Promise<readonly PublicUser[]>;
  readonly language: () => Promise<Language>;
  /** Every policy version the branch ran: a complaint's sheet and export row use the one it was graded under. */
  readonly policies: () => PolicyBook;
  /** The working calendar in force now. */
  readonly calendar: () => WorkingCalendar;
  readonly now: () => Date;
  readonly platform: DocumentPlatform;
  /** Where every delivered document is recorded. */
  readonly audit: Pick<AuditLog, 'append'>;
}

const PAGE = 5000;
const MIME = { pdf: 'application/pdf', csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Browser mode: the bytes go back to the renderer, which offers them as a download. */
export const downloadDelivery = async (file: OutgoingFile): Promise<Result<Delivery>> =>
  ok({ delivery: 'download', fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') });

/** The events of the given complaints, oldest first, read from the journal in one pass (for exports of many). */
export async function complaintEvents(deps: Pick<DocumentDeps, 'readJournal'>, ids: ReadonlySet<string>): Promise<Map<string, DomainEvent[]>> {
  const found = new Map<string, DomainEvent[]>();
  let afterSeq = 0;
  for (;;) {
    const page = await deps.readJournal(afterSeq, PAGE);
    for (const event of page.events) {
      if (!ids.has(event.complaintId)) continue;
      const list = found.get(event.complaintId);
      if (list) list.push(event);
      else found.set(event.complaintId, [event]);
    }
    const last = page.events[page.events.length - 1];
    if (!last || last.seq >= page.lastSeq) return found;
    afterSeq = last.seq;
  }
}

/**
 * Where each complaint's events sit in the journal (complaint id → seqs), kept up to date by reading only what
 * was appended since the last look. One record sheet then reads its own twenty-odd lines instead of scanning a
 * journal of hundreds of thousands (measured: 220k events take ~1.6 s to scan, once).
 */
export function createComplaintIndex(readJournal: DocumentDeps['readJournal']) {
  const seqsById = new Map<string, number[]>();
  let scannedThrough = 0;
  let catchingUp: Promise<void> = Promise.resolve();

  const catchUp = () =>
    (catchingUp = catchingUp.then(async () => {
      for (;;) {
        const page = await readJournal(scannedThrough, PAGE);
        for (const event of page.events) {
          const seqs = seqsById.get(event.complaintId);
          if (seqs) seqs.push(event.seq);
          else seqsById.set(event.complaintId, [event.seq]);
        }
        const last = page.events[page.events.length - 1];
        if (!last) return;
        scannedThrough = last.seq;
        if (last.seq >= page.lastSeq) return;
      }
    }));

  return {
    /** The complaint's events, oldest first; undefined if the journal has none. */
    async eventsOf(complaintId: string): Promise<DomainEvent[] | undefined> {
      await catchUp();
      const seqs = seqsById.get(complaintId);
      if (!seqs) return undefined;
      const events: DomainEvent[] = [];
      for (const seq of seqs) events.push(...(await readJournal(seq - 1, 1)).events);
      return events;
    },
  };
}

type Input<M extends keyof typeof documentsContract> = z.output<(typeof documentsContract)[M]['input']>;

/** A record sheet, with what the audit log says about it. */
interface Sheet {
  readonly html: string;
  readonly fileName: string;
  readonly language: Language;
  readonly complaintId: string;
  readonly complaintNumber: string;
}

/** The audit fields every entry has: who and when. */
const auditedBy = (user: PublicUser, at: Date) => ({ v: EXPORT_AUDIT_VERSION, at: at.toISOString(), userId: user.id, username: user.username, role: user.role });

/** Where a delivered file went, for the audit log; undefined when the person cancelled (nothing was delivered). */
function deliveredTo(delivery: Delivery): Pick<ExportAuditEntry, 'delivery' | 'fileName' | 'path'> | undefined {
  switch (delivery.delivery) {
    case 'saved':
      return { delivery: 'saved', fileName: delivery.fileName, path: delivery.path };
    case 'download':
      return { delivery: 'download', fileName: delivery.fileName };
    case 'cancelled':
      return undefined;
  }
}

export function createDocumentService(deps: DocumentDeps) {
  const index = createComplaintIndex(deps.readJournal);

  async function sheetFor(input: Input<'documents.recordSheetHtml'>, user: PublicUser): Promise<Result<Sheet>> {
    const branch = await deps.branch();
    if (!branch) return refuse('not_configured', 'Set up the branch first.');
    const events = await index.eventsOf(input.complaintId);
    if (!events) return refuse('complaint_not_found', `There is no complaint ${input.complaintId} in the journal.`);
    const state = foldComplaint(events);
    // The same rule as the RecordPrinted command: staff print their own complaints, supervisors any.
    const policy = policyFor(deps.policies(), state);
    const refusal = whyNot('printRecord', state, { id: user.id, role: user.role }, policy);
    if (refusal) return { ok: false, error: refusal };
    const language = input.language ?? (await deps.language());
    const users = new Map((await deps.users()).map((u) => [u.id as string, u.displayName]));
    const html = renderRecordSheet({
      state,
      events,
      branch,
      users,
      printedAt: deps.now().toISOString(),
      printedBy: user.displayName,
      language,
      policy,
    });
    const labels = sheetLabels(language);
    return ok({ html, fileName: `${labels.subtitle ?? labels.title}-${state.number}.pdf`, language, complaintId: state.id, complaintNumber: state.number });
  }

  /** Records a record sheet that reached the person. */
  const auditSheet = (user: PublicUser, sheet: Sheet, how: Pick<ExportAuditEntry, 'kind' | 'format' | 'delivery' | 'fileName' | 'path'>) =>
    deps.audit.append({
      ...auditedBy(user, deps.now()),
      ...how,
      language: sheet.language,
      complaintCount: 1,
      personalDataMasked: false,
      complaintId: sheet.complaintId,
      complaintNumber: sheet.complaintNumber,
    });

  return {
    /** The sheet for the print preview: in browser mode the way a sheet is printed, so it is recorded as one. */
    async recordSheetHtml(input: Input<'documents.recordSheetHtml'>, user: PublicUser): Promise<Result<{ html: string; fileName: string }>> {
      const sheet = await sheetFor(input, user);
      if (!sheet.ok) return sheet;
      await auditSheet(user, sheet.value, { kind: 'print-preview', format: 'html', delivery: 'preview' });
      return ok({ html: sheet.value.html, fileName: sheet.value.fileName });
    },

    async savePdf(input: Input<'documents.savePdf'>, user: PublicUser): Promise<Result<Delivery>> {
      const sheet = await sheetFor(input, user);
      if (!sheet.ok) return sheet;
      const pdf = await deps.platform.pdf(sheet.value.html);
      if (!pdf.ok) return pdf;
      const delivered = await deps.platform.deliver({ fileName: sheet.value.fileName, mime: MIME.pdf, bytes: pdf.value });
      const to = delivered.ok ? deliveredTo(delivered.value) : undefined;
      if (to) await auditSheet(user, sheet.value, { kind: 'pdf', format: 'pdf', ...to });
      return delivered;
    },

    async print(input: Input<'documents.print'>, user: PublicUser): Promise<Result<{ printed: boolean }>> {
      const print = deps.platform.print;
      if (!print) return refuse('print_unavailable', 'This mode has no system print dialog; print from the preview instead.');
      const sheet = await sheetFor(input, user);
      if (!sheet.ok) return sheet;
      const printed = await print(sheet.value.html);
      if (printed.ok && printed.value.printed) await auditSheet(user, sheet.value, { kind: 'print', format: 'printer', delivery: 'printed' });
      return printed;
    },

    async exportRegister(input: Input<'exports.register'>, user: PublicUser): Promise<Result<Delivery>> {
      const branch = await deps.branch();
      if (!branch) return refuse('not_configured', 'Set up the branch first.');
      const wanted = new Set<string>(input.complaintIds);
      const byId = await complaintEvents(deps, wanted);
      // Keep the renderer's order (its sort); ids the journal does not hold are left out.
      const states: ComplaintState[] = [];
      for (const id of new Set(input.complaintIds)) {
        const events = byId.get(id as ComplaintId);
        if (events) states.push(foldComplaint(events));
      }
      const language = input.language ?? (await deps.language());
      const now = deps.now();
      const maskPersonalData = !canSeePersonalData(user.role);
      const table = registerRows(states, {
        language,
        maskPersonalData,
        users: new Map((await deps.users()).map((u) => [u.id as string, u.displayName])),
        policies: deps.policies(),
        calendar: deps.calendar(),
        now: now.toISOString(),
        timeZone: branch.timeZone,
      });
      // The branch's own date: an export at 07:30 in Shanghai is that day's, not yesterday's (the UTC date).
      const stamp = localDateKey(now.toISOString(), branch.timeZone);
      const base = `${REGISTER_NAME[language].file}-${branch.code}-${stamp}`;
      const file =
        input.format === 'csv'
          ? { fileName: `${base}.csv`, mime: MIME.csv, bytes: new TextEncoder().encode(toCsv(table)) }
          : { fileName: `${base}.xlsx`, mime: MIME.xlsx, bytes: toXlsx(table, REGISTER_NAME[language].sheet) };
      const delivered = await deps.platform.deliver(file);
      const to = delivered.ok ? deliveredTo(delivered.value) : undefined;
      if (to) {
        await deps.audit.append({
          ...auditedBy(user, deps.now()),
          kind: 'export',
          format: input.format,
          ...to,
          language,
          complaintCount: states.length,
          requestedCount: input.complaintIds.length,
          ...(input.filter ? { filter: input.filter } : {}),
          personalDataMasked: maskPersonalData,
        });
      }
      return delivered;
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;

/** The contract's document methods, each for a signed-in user. */
export function documentHandlers(
  service: DocumentService,
  requireUser: (caller: Caller) => Promise<Result<PublicUser>>,
): Pick<ApiHandlers, 'documents.recordSheetHtml' | 'documents.savePdf' | 'documents.print' | 'exports.register'> {
  const signedIn =
    <I, O>(run: (input: I, user: PublicUser) => Promise<Result<O>>) =>
    async (input: I, caller: Caller): Promise<Result<O>> => {
      const user = await requireUser(caller);
      return user.ok ? run(input, user.value) : user;
    };
  return {
    'documents.recordSheetHtml': signedIn(service.recordSheetHtml),
    'documents.savePdf': signedIn(service.savePdf),
    'documents.print': signedIn(service.print),
    'exports.register': signedIn(service.exportRegister),
  };
}
