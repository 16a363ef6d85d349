/**
 * Head office's desk: the same contract as a branch's main (`shared/api/contract.ts`), answered over head office's
 * database, so the same renderer build runs against it (`app.info` says `headOffice`). It shows every branch's
 * records and changes none of them: a step, an evidence file or a retention run is refused with
 * `head_office_read_only`; a branch desk's own work (backups, sync, printing) with `not_at_head_office`. What it
 * adds are head office's own screens: branch health, enrolling and revoking a branch, the USB batch-file upload,
 * and publishing the policy and the working calendar that branches pull. Plain Node over the database, unaware
 * of HTTP.
 */
import { JOURNAL_PAGE_MAX, type ApiHandlers } from '../shared/api/contract';
import { createDispatcher, type Caller, type Dispatch } from '../shared/api/dispatch';
import { jsonText } from '../shared/api/json-text';
import { RefusedBatchSchema, type BranchHealth, type RefusedBatch } from '../shared/api/headOffice';
import { DEFAULT_SETTINGS, type Language, type PublicUser, type Settings } from '../shared/api/schemas';
import { BranchCodeSchema, type BranchCode, type ComplaintId } from '../shared/brand';
import { parseEvent, type DomainEvent } from '../shared/domain/events';
import { DEFAULT_POLICY } from '../shared/policy/policy';
import type { PlainRefusalCode } from '../shared/refusals';
import { ok, refuse, type Result } from '../shared/result';
import { createBugReportLimiter } from '../electron/services/bugReports';
import { createSessions, sessionHandlers } from '../electron/services/sessions';
import { createSignInThrottle, wrongWhen } from '../electron/services/signInThrottle';
import type { Accounts } from './accounts';
import { headOfficeCalendarHandlers } from './deskCalendar';
import { headOfficePolicyHandlers } from './deskPolicy';
import { headOfficeReportHandlers } from './deskReports';
import { listBranchUsers } from './branchUsers';
import { createBranch, issueSecret, revokeSecret, viewOf, type BranchRow } from './branches';
import type { Db } from './db/db';
import { importBatchBytes } from './files';
import type { Ingest } from './ingest';

/** What head office's top bar names where a branch desk names its branch. */
export const HEAD_OFFICE_CODE = BranchCodeSchema.parse('HQ');

export interface HeadOfficeDeskOptions {
  readonly db: Db;
  readonly ingest: Ingest;
  readonly accounts: Accounts;
  readonly version: string;
  /** Head office's address as branches reach it, put into enrolment codes (known once it listens). */
  readonly enrolmentUrl: () => string;
  readonly language?: Language;
  readonly now: () => Date;
  readonly validateOutput: boolean;
  readonly onBug: (method: string, error: unknown) => void;
  readonly log: (message: string, details: Record<string, unknown>) => void;
}

export interface HeadOfficeDesk {
  readonly dispatch: Dispatch;
}

type EventRow = { body: unknown; ho_pos: string | number };

/** Every branch's events after head-office position `afterPos`, in the order they arrived; parsed, never trusted. */
export async function readHeadOfficeJournal(db: Db, afterPos: number, limit: number): Promise<{ events: DomainEvent[]; lastSeq: number; completedHistories: ComplaintId[] }> {
  const [rows, [last]] = await Promise.all([
    // `last_of_complaint`: no later event of its complaint (journal.read's `completedHistories`).
    db.query<EventRow & { last_of_complaint: boolean }>(
      `select body, ho_pos, not exists (select 1 from events later where later.branch = e.branch and later.complaint_id = e.complaint_id and later.seq > e.seq) as last_of_complaint
       from events e where ho_pos > $1 order by ho_pos limit $2`,
      [afterPos, limit],
    ),
    db.query<{ last: string | number | null }>('select max(ho_pos) as last from events'),
  ]);
  const events = rows.map(({ body, ho_pos }) => {
    const parsed = parseEvent(body);
    if (!parsed.ok) throw new Error(`stored event at head-office position ${String(ho_pos)} no longer parses: ${parsed.error.message}`);
    return parsed.value;
  });
  const completedHistories = events.filter((_event, i) => rows[i]?.last_of_complaint === true).map((event) => event.complaintId);
  return { events, lastSeq: Number(last?.last ?? 0), completedHistories };
}

/** A branch with what its health line adds: its complaints and the gaps it has not yet filled. */
type HealthRow = BranchRow & { complaints: number; pending_gaps: number };
type RefusedRow = { branch: string; batch_id: string | null; source: string; code: string; message: string; received_at: Date };

/** Branch health lines (all branches, or the one named), with their latest refusals. */
export async function branchHealth(db: Db, only?: BranchCode): Promise<BranchHealth[]> {
  const filter = only ? 'where b.code = $1' : '';
  const params = only ? [only] : [];
  const rows = await db.query<HealthRow>(
    `select b.*,
       (select count(*)::int from complaints c where c.branch = b.code) as complaints,
       (select count(*)::int from refused_batches r where r.branch = b.code and r.code = 'sequence_gap'
          and (b.last_sync_at is null or r.received_at > b.last_sync_at)) as pending_gaps
     from branches b ${filter} order by b.code`,
    params,
  );
  const refusals = await db.query<RefusedRow>(
    `select * from (select r.*, row_number() over (partition by r.branch order by r.id desc) as newest from refused_batches r
       where r.branch = any($1::text[])) as latest where newest <= $2 order by id desc`,
    [rows.map((row) => row.code), 5],
  );
  const byBranch = new Map<string, RefusedBatch[]>();
  for (const row of refusals) {
    const refused = RefusedBatchSchema.parse({ batchId: row.batch_id, source: row.source, code: row.code, message: row.message, receivedAt: row.received_at.toISOString() });
    byBranch.set(row.branch, [...(byBranch.get(row.branch) ?? []), refused]);
  }
  return rows.map((row) => {
    const view = viewOf(row);
    return {
      code: BranchCodeSchema.parse(view.code),
      name: view.name,
      secret: view.secret,
      secretSince: view.secretRotatedAt ?? view.secretIssuedAt,
      secretRevokedAt: view.secretRevokedAt,
      ackedThroughSeq: view.ackedThroughSeq,
      lastSyncAt: view.lastSyncAt,
      clockSkewMs: view.clockSkewMs,
      complaints: row.complaints,
      pendingGaps: row.pending_gaps,
      refused: byBranch.get(row.code) ?? [],
    };
  });
}

const refusing = (code: PlainRefusalCode, message: string) => async () => refuse(code, message);
const readOnly = refusing('head_office_read_only', "Head office does not change a branch's records.");
const branchWork = refusing('not_at_head_office', "This is done at the branch's own desk.");
const accountsAtCommandLine = refusing('not_allowed', 'Head-office accounts are managed with `npm run headoffice -- add-user`.');

export function createHeadOfficeDesk(options: HeadOfficeDeskOptions): HeadOfficeDesk {
  const { db, accounts, now } = options;
  const sessions = createSessions({ findUser: (id) => accounts.find(id), now, idleMs: DEFAULT_POLICY.session.idleMinutes * 60_000 });
  const throttle = createSignInThrottle(now);
  const bugReports = createBugReportLimiter(now);
  // Settings-lite: the language and screen preferences, shared by head office's screens until it restarts.
  let settings: Settings = { ...DEFAULT_SETTINGS, language: options.language ?? DEFAULT_SETTINGS.language };

  async function requireUser(caller: Caller, admin = false, activity = true): Promise<Result<PublicUser>> {
    const user = await sessions.current(caller.window, activity);
    if (!user.ok) return user;
    if (admin && user.value.role !== 'admin') return refuse('not_allowed', 'Only a head-office admin may do this.');
    return user;
  }
  const background = (caller: Caller) => requireUser(caller, false, false);
  const admin = (caller: Caller) => requireUser(caller, true);
  // Head office's own accounts and every branch's (their names in head office's screens, server/branchUsers.ts).
  const everyone = async (): Promise<PublicUser[]> => [...(await accounts.list()), ...(await listBranchUsers(db))];
  const healthOf = async (code: BranchCode): Promise<Result<BranchHealth>> => {
    const [line] = await branchHealth(db, code);
    return line ? ok(line) : refuse('unknown_branch_code', `no branch ${code}`, { params: { branch: code } });
  };

  const handlers: ApiHandlers = {
    'app.info': async () => ok({ version: options.version, mode: 'headOffice' as const, dataDir: db.kind }),
    'app.reportBug': async ({ message, stack, route }, caller) => {
      const admitted = bugReports.admit(caller.window);
      if (!admitted.ok) return admitted;
      options.log('a head-office window reported a bug', { route, message, stack });
      return ok({});
    },
    'setup.status': async () => ok({ configured: true, branch: { code: HEAD_OFFICE_CODE, name: 'Head office', timeZone: DEFAULT_POLICY.timeZone } }),
    'setup.createBranch': readOnly,
    'setup.restore': branchWork,
    'auth.signIn': async ({ username, password }, caller) => {
      const user = await throttle.attempt(username, () => accounts.verify(username, password), wrongWhen('bad_credentials'));
      if (!user.ok) return user;
      sessions.start(caller.window, user.value);
      options.log('signed in at head office', { user: user.value.id, role: user.value.role });
      return ok({ user: user.value });
    },
    ...sessionHandlers(sessions),
    'users.list': async (_input, caller) => {
      const user = await background(caller);
      return user.ok ? ok({ users: await everyone() }) : user;
    },
    'users.create': accountsAtCommandLine,
    'users.update': accountsAtCommandLine,
    'users.resetPassword': accountsAtCommandLine,
    'users.changeOwnPassword': accountsAtCommandLine,
    'complaints.decide': readOnly,
    'complaints.escalateDue': readOnly,
    'journal.read': async ({ afterSeq, limit }, caller) => {
      const user = await background(caller);
      if (!user.ok) return user;
      const page = await readHeadOfficeJournal(db, afterSeq, limit ?? JOURNAL_PAGE_MAX);
      return ok({ ...page, events: jsonText(page.events) });
    },
    'settings.get': async () => ok(settings),
    'settings.set': async (input, caller) => {
      const user = await requireUser(caller);
      if (!user.ok) return user;
      const prefs = { ...settings.prefs, ...input.prefs };
      if (Object.keys(prefs).length > 100) return refuse('too_many_prefs', 'at most 100 preferences');
      settings = { language: input.language ?? settings.language, prefs };
      return ok(settings);
    },
    'evidence.put': readOnly,
    'evidence.get': branchWork,
    'evidence.open': branchWork,
    'documents.recordSheetHtml': branchWork,
    'documents.savePdf': branchWork,
    'documents.print': branchWork,
    'exports.register': branchWork,
    'records.anonymisationPreview': branchWork,
    'records.anonymise': readOnly,
    ...headOfficeCalendarHandlers({ db, now, requireUser, log: options.log }),
    'backup.status': branchWork,
    'backup.setFolder': branchWork,
    'backup.chooseFolder': branchWork,
    'backup.run': branchWork,
    'audit.list': branchWork,
    'audit.export': branchWork,
    'notifications.show': async (_note, caller) => {
      const user = await background(caller);
      return user.ok ? ok({ shown: false }) : user;
    },
    'sync.status': branchWork,
    'sync.enrol': branchWork,
    'sync.configure': branchWork,
    'sync.now': branchWork,
    'sync.exportBatchFile': branchWork,
    'sync.importAck': branchWork,
    ...headOfficePolicyHandlers({ db, now, requireUser }),
    ...headOfficeReportHandlers({ db, users: everyone, now, language: () => settings.language, requireUser: (caller) => requireUser(caller), log: options.log }),
    'headOffice.branches': async (_input, caller) => {
      const user = await background(caller);
      return user.ok ? ok({ branches: await branchHealth(db) }) : user;
    },
    'headOffice.enrol': async ({ code, name }, caller) => {
      const user = await admin(caller);
      if (!user.ok) return user;
      const known = await healthOf(code);
      if (!known.ok) {
        if (!name) return refuse('branch_name_required', `branch ${code} is new: give its name`, { path: 'name' });
        await createBranch(db, code, name, now());
      }
      const enrolmentCode = await issueSecret(db, code, options.enrolmentUrl(), now());
      if (!enrolmentCode) return refuse('unknown_branch_code', `no branch ${code}`, { params: { branch: code } });
      options.log('enrolment code issued', { by: user.value.id, branch: code, rotated: known.ok });
      const branch = await healthOf(code);
      return branch.ok ? ok({ branch: branch.value, enrolmentCode }) : branch;
    },
    'headOffice.revoke': async ({ code }, caller) => {
      const user = await admin(caller);
      if (!user.ok) return user;
      if (!(await revokeSecret(db, code, now()))) return refuse('unknown_branch_code', `no branch ${code}`, { params: { branch: code } });
      options.log('branch revoked', { by: user.value.id, branch: code });
      const branch = await healthOf(code);
      return branch.ok ? ok({ branch: branch.value }) : branch;
    },
    'headOffice.uploadBatches': async ({ files }, caller) => {
      const user = await admin(caller);
      if (!user.ok) return user;
      const results = [];
      // One after another, in the order given: a file's batch may continue the previous one's.
      for (const file of files) {
        const { name, result } = await importBatchBytes(options.ingest, file.name, Buffer.from(file.base64, 'base64'));
        results.push({ name, result });
      }
      return ok({ results });
    },
  };
  return { dispatch: createDispatcher(handlers, { validateOutput: options.validateOutput, onBug: options.onBug }) };
}
