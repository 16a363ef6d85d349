/**
 * The complaint register (投诉登记簿, SPEC §6) as a table of strings for CSV and Excel: the register's columns
 * plus the complainant and the complaint text, the major flags, the head count of a collective complaint and
 * the latest follow-up's satisfaction score. Personal data is masked unless the caller says the reader may
 * see it (`canSeePersonalData(role)`); times are the branch's local time.
 */
import type { Language } from '../api/schemas';
import type { WorkingCalendar } from '../calendar/calendar';
import { computeClocks, nextDeadline } from '../deadlines/clocks';
import type { ComplaintState } from '../domain/state';
import { inForce, policyFor, type PolicyBook } from '../policy/book';
import { categoryLabel, findCategory, type Policy } from '../policy/policy';
import { formatDateTime, listText } from '../print/text';
import { vocabularyText } from '../print/vocabularyText';
import type { Term } from '../i18n/vocabulary';
import { maskAddress, maskEmail, maskName, maskPhone } from './personalData';

/** What a column holds: text, or a local wall time `YYYY-MM-DD HH:mm` (the XLSX export writes it as a real date). */
export type ColumnType = 'text' | 'dateTime';

/** A header row and data rows, every cell a string; `types` (by column, default text) says which are dates. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly types?: readonly ColumnType[];
}

export interface RegisterOptions {
  readonly language: Language;
  /** True unless the reader's role may see personal data in full. */
  readonly maskPersonalData: boolean;
  /** User id → display name. */
  readonly users: ReadonlyMap<string, string>;
  /** Each complaint's deadlines and category names are those of the policy version it was graded under. */
  readonly policies: PolicyBook;
  readonly calendar: WorkingCalendar;
  /** ISO instant the clock states are computed for. */
  readonly now: string;
  /** Defaults to the zone of the policy in force. */
  readonly timeZone?: string;
}

/** The columns, in order, named by the vocabulary's terms: the same words as the register's headers and the sheet. */
/** The register's name at the head of an export's file name, and as the workbook's sheet name. */
export const REGISTER_NAME: Readonly<Record<Language, { readonly file: string; readonly sheet: string }>> = {
  'zh-CN': { file: '投诉登记簿', sheet: '投诉登记簿' },
  'zh-TW': { file: '投訴登記簿', sheet: '投訴登記簿' },
  en: { file: 'complaint-register', sheet: 'Register' },
};

export const REGISTER_COLUMNS = [
  'complaintNumber', 'receivedAt', 'channel', 'category', 'grade', 'majorFlags', 'status', 'tier', 'assignee', 'nextDeadline', 'deadlineState',
  'customerName', 'headCount', 'phone', 'email', 'address', 'description', 'request', 'closedAt', 'satisfaction',
] as const satisfies readonly Term[];

/** 受理时间, 下一时限 and 结案时间 are wall times in the branch's zone; the rest is text. */
const DATE_TIME_COLUMNS: ReadonlySet<Term> = new Set<Term>(['receivedAt', 'nextDeadline', 'closedAt']);
const COLUMN_TYPES: readonly ColumnType[] = REGISTER_COLUMNS.map((term) => (DATE_TIME_COLUMNS.has(term) ? 'dateTime' : 'text'));

/** The score (1–5) of the latest follow-up that recorded one; blank when no follow-up did. */
export function latestSatisfaction(state: Pick<ComplaintState, 'followUps'>): string {
  const scored = state.followUps.filter((followUp) => followUp.satisfaction !== undefined);
  const latest = scored.reduce<(typeof scored)[number] | undefined>((best, followUp) => (best === undefined || followUp.at >= best.at ? followUp : best), undefined);
  return latest?.satisfaction === undefined ? '' : String(latest.satisfaction);
}

export function registerRows(states: readonly ComplaintState[], options: RegisterOptions): Table {
  const { language, policies } = options;
  const v = vocabularyText(language);
  const zone = options.timeZone ?? inForce(policies).policy.timeZone;
  const mask = options.maskPersonalData;
  const personal = (value: string | undefined, masker: (text: string) => string) => (value === undefined ? '' : mask ? masker(value) : value);
  const categoryName = (policy: Policy, code: string | undefined) => {
    if (code === undefined) return undefined;
    const found = findCategory(policy, code);
    return found.ok ? categoryLabel(found.value, language) : code;
  };

  const rows = states.map((s) => {
    const policy = policyFor(policies, s);
    const next = nextDeadline(computeClocks(s, policy, options.calendar, options.now));
    const category = [categoryName(policy, s.category), categoryName(policy, s.subCategory)].filter((name) => name !== undefined).join(' › ');
    const request = [listText(s.requests.map((kind) => v.requestKind[kind]), language), s.requestText].filter((part) => !!part).join('：');
    return [
      s.number,
      formatDateTime(s.receivedAt, zone),
      v.channel[s.channel],
      category,
      v.grade(s.grade),
      listText(s.flags.map((flag) => v.flag[flag]), language),
      v.status[s.status],
      v.tier[s.tier],
      options.users.get(s.assignee) ?? s.assignee,
      next ? formatDateTime(next.deadline, zone) : '',
      next ? `${v.clockKind[next.kind]} · ${v.clockState[next.state]}` : '',
      s.anonymous ? '' : personal(s.complainant.name, maskName),
      s.collectiveCount === undefined ? '' : String(s.collectiveCount),
      personal(s.complainant.phone, maskPhone),
      personal(s.complainant.email, maskEmail),
      personal(s.complainant.address, maskAddress),
      s.description,
      request,
      formatDateTime(s.closedAt, zone),
      latestSatisfaction(s),
    ];
  });
  return { header: REGISTER_COLUMNS.map((term) => v.term[term]), rows, types: COLUMN_TYPES };
}
