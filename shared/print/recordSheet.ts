/**
 * The complaint record sheet (客户投诉记录表, SPEC §6) as one self-contained HTML document: inline style, no
 * script, no remote content, every value escaped. Main renders it from its own journal for PDF and printing,
 * and the renderer shows the same text in its print preview. Pure: the print time and names are passed in.
 */
import { SYSTEM_USER_ID } from '../brand';
import { isChinese, type Language } from '../api/schemas';
import type { DomainEvent } from '../domain/events';
import type { ComplaintState } from '../domain/state';
import { categoryLabel, findCategory, type Policy } from '../policy/policy';
import { sheetLabels, type Group, type SheetLabels } from './sheetLabels';
import { sheetStyle } from './sheetStyle';
import { escapeHtml, formatAmount, formatDate, formatDateTime, listText } from './text';
import { timelineText } from './timeline';
import { vocabularyText, type VocabularyText } from './vocabularyText';

export interface RecordSheetInput {
  readonly state: ComplaintState;
  /** The complaint's events, oldest first (the timeline). */
  readonly events: readonly DomainEvent[];
  /** `timeZone` defaults to the policy's. */
  readonly branch: { readonly code: string; readonly name: string; readonly timeZone?: string };
  /** User id → display name; an unknown id is shown as it is. */
  readonly users: ReadonlyMap<string, string>;
  /** ISO instant. */
  readonly printedAt: string;
  /** Display name of the person printing. */
  readonly printedBy: string;
  readonly language: Language;
  readonly policy: Policy;
}

interface Sheet {
  readonly s: ComplaintState;
  readonly L: SheetLabels;
  readonly v: VocabularyText;
  readonly language: Language;
  readonly zone: string;
  readonly name: (id: string | undefined) => string;
  readonly input: RecordSheetInput;
}

export function renderRecordSheet(input: RecordSheetInput): string {
  const { state, language } = input;
  const L = sheetLabels(language);
  const zone = input.branch.timeZone ?? input.policy.timeZone;
  const sheet: Sheet = {
    s: state,
    L,
    v: vocabularyText(language),
    language,
    zone,
    // Automatic steps (escalation by the clock) are recorded under the actor id `system`.
    name: (id) => (id === undefined ? '' : (input.users.get(id) ?? (id === SYSTEM_USER_ID ? L.system : id))),
    input,
  };
  const printed = formatDateTime(input.printedAt, zone);
  const style = sheetStyle({
    left: `${input.branch.name}${L.parenthesized(input.branch.code)} · ${state.number}`,
    pageOf: L.pageOf,
    right: L.printedAt(printed, input.printedBy),
  }, language);
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${L.title} ${state.number}`)}</title><style>${style}</style></head><body>`,
    head(sheet, printed),
    fieldsTable(sheet),
    followUpTable(sheet),
    actionsTable(sheet),
    timelineTable(sheet),
    signatures(L),
    '</body></html>',
  ].join('\n');
}

// An email address too long for its cell wraps after the @ rather than inside a word.
const cell = (text: string, attributes = '') => `<td${attributes}>${escapeHtml(text).replaceAll('@', '@<wbr>')}</td>`;
const headCell = (text: string, attributes = '') => `<th${attributes}>${escapeHtml(text)}</th>`;
const section = (title: string, columns: number) => `<tr class="section">${headCell(title, ` colspan="${columns}"`)}</tr>`;
/** The title down the left edge of a group of rows, with its English gloss on the English sheet. */
function groupCell(L: SheetLabels, group: Group, rowspan: number): string {
  const gloss = L.glosses ? `\n<small>${escapeHtml(L.glosses[group])}</small>` : '';
  return `<th${rowspan > 1 ? ` rowspan="${rowspan}"` : ''} class="group">${escapeHtml(L.sections[group])}${gloss}</th>`;
}

type FieldGroup = 'registration' | 'complainant' | 'matter' | 'assessment' | 'investigation' | 'resolution';

const joined = (parts: readonly (string | undefined)[], separator = ' / ') => parts.filter((part): part is string => !!part).join(separator);

/** A label and its value; `span` is how many of a row's three value columns the value takes (1, 2 or 3). */
interface Field {
  readonly label: string;
  readonly value: string;
  readonly span?: 1 | 2 | 3;
  /** Room to write by hand when empty, and for long text. */
  readonly tall?: boolean;
}

/** A row of label/value pairs filling the three pairs of columns, after `lead` (the group title column). */
function fieldRow(fields: readonly Field[], lead: string): string {
  const cells = fields.map(({ label, value, span = 1, tall }) => {
    const colspan = span * 2 - 1;
    const attributes = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${tall ? ' class="tall"' : ''}`;
    return `${headCell(label)}${cell(value, attributes)}`;
  });
  return `<tr${isTall(fields) ? ' class="tall"' : ''}>${lead}${cells.join('')}</tr>`;
}

const isTall = (fields: readonly Field[]) => fields.some((field) => field.tall);

function head({ L, s, input }: Sheet, printed: string): string {
  return `<header class="sheet-head"><div class="branch">${escapeHtml(input.branch.name)}</div><h1>${escapeHtml(L.title)}</h1>${L.subtitle ? `<div class="subtitle">${escapeHtml(L.subtitle)}</div>` : ''}
<div class="meta"><span>${escapeHtml(`${L.field.number}${L.colon}`)}<strong>${escapeHtml(s.number)}</strong></span><span>${escapeHtml(L.printedAt(printed, input.printedBy))}</span></div></header>`;
}

function categoryText({ s, language, input }: Sheet): string {
  const nameOf = (code: string | undefined) => {
    if (code === undefined) return undefined;
    const found = findCategory(input.policy, code);
    return found.ok ? categoryLabel(found.value, language) : code;
  };
  return joined([nameOf(s.category), nameOf(s.subCategory)], ' › ');
}

function complainantName({ s, L }: Sheet): string {
  const name = s.anonymous ? L.anonymous : (s.complainant.name ?? '');
  return s.collectiveCount ? `${name}${L.parenthesized(L.collectiveOf(s.collectiveCount))}` : name;
}

function fieldsTable(sheet: Sheet): string {
  const { s, L, v, language, zone, name } = sheet;
  const f = L.field;
  const c = s.complainant;
  const i = s.incident;
  const list = (items: readonly string[]) => listText(items, language);
  const investigation = s.investigation;
  const proposal = s.proposal;
  const answer = proposal?.accepted === undefined ? (proposal ? L.awaitingAnswer : '') : proposal.accepted ? L.accepted : L.declined;
  const ended = s.rejection ? `${v.rejectionReason[s.rejection.reason]}${L.colon}${s.rejection.text}` : s.voided?.reason;
  const groups: [FieldGroup, Field[][]][] = [
    ['registration', [
    [
      { label: f.receivedAt, value: formatDateTime(s.receivedAt, zone) },
      { label: f.channel, value: v.channel[s.channel] },
      { label: f.receivedBy, value: name(s.receivedBy) },
    ],
    [
      { label: f.assignee, value: name(s.assignee) },
      { label: f.department, value: s.department ?? '' },
      { label: f.status, value: v.status[s.status] },
    ],
    ]],
    ['complainant', [
    [
      { label: f.name, value: complainantName(sheet) },
      { label: f.phone, value: c.phone ?? '' },
      { label: f.customerNumber, value: c.customerNumber ?? '' },
    ],
    [
      { label: f.email, value: c.email ?? '' },
      { label: f.address, value: c.address ?? '', span: 2 },
    ],
    ]],
    ['matter', [
    [
      { label: f.incidentAt, value: formatDateTime(i.at, zone) },
      { label: f.incidentPlace, value: i.place ?? '', span: 2 },
    ],
    [
      { label: f.people, value: joined([i.staffMember, i.department]) },
      { label: f.product, value: i.product ?? '' },
      { label: f.orderNumber, value: i.orderNumber ?? '' },
    ],
    [
      { label: f.category, value: categoryText(sheet), span: 2 },
      { label: f.nature, value: v.nature[s.nature] },
    ],
    [{ label: f.description, value: s.description, span: 3, tall: true }],
    [
      { label: f.request, value: joined([list(s.requests.map((kind) => v.requestKind[kind])), s.requestText], L.colon), span: 2 },
      { label: f.requestedAmount, value: formatAmount(s.requestedAmount, language) },
    ],
    [
      { label: f.evidence, value: list(s.evidence.map((file) => file.name)), span: 2 },
      { label: f.repeatOf, value: s.repeatOf ?? '' },
    ],
    ]],
    ['assessment', [
    [
      { label: f.validity, value: s.validity ? v.validity[s.validity] : '' },
      { label: f.grade, value: v.grade(s.grade) },
      { label: f.tier, value: joined([v.tier[s.tier], ...s.routes.map((route) => v.route[route])]) },
    ],
    [
      { label: f.gradingFacts, value: gradingFacts(sheet), span: 2 },
      { label: f.flags, value: list(s.flags.map((flag) => v.flag[flag])) },
    ],
    ]],
    ['investigation', [
    [{ label: f.findings, value: investigation?.findings ?? '', span: 3, tall: true }],
    [{ label: f.rootCause, value: investigation?.rootCause ?? '', span: 3 }],
    [
      { label: f.responsibility, value: joined([investigation?.responsibleDepartment, investigation?.responsiblePerson]) },
      { label: f.interviewed, value: list(investigation?.interviewed ?? []), span: 2 },
    ],
    ]],
    ['resolution', [
    [
      {
        label: f.proposal,
        value: proposal ? joined([list(proposal.offers.map((offer) => v.requestKind[offer])), formatAmount(proposal.amount, language), proposal.text], L.semicolon) : '',
        span: 3,
      },
    ],
    [
      { label: f.customerAnswer, value: answer },
      { label: f.extension, value: s.extension ? L.extensionOf(formatDateTime(s.extension.newDeadline, zone), s.extension.reason) : '', span: 2 },
    ],
    [{ label: f.outcome, value: s.resolution?.summary ?? '', span: 3, tall: true }],
    [
      {
        label: f.communicated,
        value: s.resolution ? `${v.communication[s.resolution.communicatedBy]} ${formatDateTime(s.resolution.communicatedAt, zone)}` : '',
        span: 2,
      },
      { label: f.closedAt, value: formatDateTime(s.closedAt, zone) },
    ],
      ...(ended ? [[{ label: f.endReason, value: ended, span: 3 } satisfies Field]] : []),
    ]],
  ];
  // A vertical title cannot be split over pages, so Chromium moves every row it spans on whole, leaving a page
  // half empty before a long description. The title spans only the group's rows before its first tall one (long
  // text); the rows from there on continue the title column with empty, horizontal cells and flow over pages.
  const rows = groups.flatMap(([title, group]) => {
    const firstTall = group.findIndex((fields, index) => index > 0 && isTall(fields));
    const span = firstTall === -1 ? group.length : firstTall;
    return group.map((fields, index) =>
      fieldRow(fields, index === 0 ? groupCell(L, title, span) : index < span ? '' : '<th class="group continued"></th>'),
    );
  });
  return `<table class="fields"><colgroup><col class="group">${'<col class="label"><col class="value">'.repeat(3)}</colgroup><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function gradingFacts({ s, L, v, language }: Sheet): string {
  if (!s.severity || !s.urgency || !s.spread) return '';
  const parts = [`${L.severity}${v.level[s.severity]}`, `${L.urgency}${v.level[s.urgency]}`, v.spread[s.spread]];
  return parts.join(isChinese(language) ? '，' : ', ');
}

/** A small ruled table under a vertical title, like the field groups (widths are shares of the rest of the row). */
function grid(L: SheetLabels, title: Group, columns: readonly string[], widths: readonly string[], rows: readonly string[][], firstIsTime = false): string {
  const first = firstIsTime ? ' class="at"' : '';
  const body = rows.length > 0 ? rows.map((row) => row.map((text, i) => cell(text, i === 0 ? first : '')).join('')) : [columns.map(() => '<td class="empty"></td>').join('')];
  const titleCell = groupCell(L, title, body.length + 1);
  return `<table class="grid"><colgroup><col class="group">${widths.map((width) => `<col style="width:${width}">`).join('')}</colgroup><tbody>
<tr class="columns">${titleCell}${columns.map((column) => headCell(column)).join('')}</tr>
${body.map((row) => `<tr>${row}</tr>`).join('\n')}</tbody></table>`;
}

function followUpTable({ L, v, zone, name, input }: Sheet): string {
  const columns = L.followUpColumns;
  // The events rather than the state: they keep who visited and the customer's comments.
  const rows = input.events.flatMap((event) =>
    event.type === 'FollowedUp'
      ? [
          [
            formatDateTime(event.at, zone),
            name(event.actor),
            v.communication[event.payload.method],
            event.payload.reached ? L.yes : L.no,
            event.payload.satisfaction === undefined ? '' : L.satisfactionOf(event.payload.satisfaction),
            event.payload.comments ?? '',
          ],
        ]
      : [],
  );
  return grid(
    L,
    'followUps',
    [columns.at, columns.by, columns.method, columns.reached, columns.satisfaction, columns.comments],
    ['18%', '10%', '11%', '11%', '8%', '37%'],
    rows,
    true,
  );
}

function actionsTable({ s, L, zone }: Sheet): string {
  const columns = L.actionColumns;
  const rows = s.correctiveActions.map((action) => [
    action.description,
    action.owner,
    action.dueDate,
    action.closedAt ? joined([formatDate(action.closedAt, zone), action.outcome], L.colon) : L.open,
  ]);
  return grid(L, 'correctiveActions', [columns.description, columns.owner, columns.due, columns.done], ['41.5%', '15%', '12%', '27%'], rows);
}

function timelineTable({ L, language, zone, name, input }: Sheet): string {
  const columns = L.timelineColumns;
  const context = { language, timeZone: zone, userName: (id: string) => name(id) };
  const rows = input.events.map((event) => [formatDateTime(event.at, zone), name(event.actor), timelineText(event, context)]);
  return `<table class="grid timeline"><colgroup><col style="width:17%"><col style="width:9%"><col style="width:74%"></colgroup>
<thead>${section(L.sections.timeline, 3)}<tr>${[columns.at, columns.who, columns.what].map((column) => headCell(column)).join('')}</tr></thead>
<tbody>${rows.map(([at = '', who = '', what = '']) => `<tr>${cell(at, ' class="at"')}${cell(who)}${cell(what)}</tr>`).join('\n')}</tbody></table>`;
}

function signatures(L: SheetLabels): string {
  const box = (who: string) =>
    `<td><span class="who">${escapeHtml(who)}${escapeHtml(L.signature)}</span><span class="date">${escapeHtml(L.date)}</span></td>`;
  return `<section class="signatures" aria-label="${escapeHtml(L.sections.signatures)}"><table class="signatures"><colgroup>${'<col style="width:25%">'.repeat(4)}</colgroup><tbody>
<tr>${box(L.signers.complainant)}${box(L.signers.receiver)}${box(L.signers.departmentHead)}${box(L.signers.supervisor)}</tr>
</tbody></table></section>`;
}
