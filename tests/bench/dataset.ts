/**
 * The browser benchmark's data set, generated in Node and written by browser/write-journal.ts straight into
 * main's journal file: main folds it when it opens and every window restores it from there — the path a real
 * desk's data takes. Pure (no Node, no DOM): the page-side bench bundle uses `registerInput` too.
 *
 * The complaints are shared/seed's (real commands along the paths complaints take: ≈ 11 events each, so
 * 100 000 complaints are ≈ 1.1 M events, each complaint's events spread over the pages of the journal as its
 * handling went on), received over the year before `endIso`; then a backlog of complaints nobody handled
 * (all overdue: the first escalation sweep's work); then one complaint with `longEvents` events
 * (registration, acknowledgement, notes) at `endIso`, whose page the benchmark opens. The actor ids need not
 * exist as users.
 */
import { BranchCodeSchema, UserIdSchema, type ComplaintId } from '../../shared/brand';
import { COMMANDS, type CommandContext } from '../../shared/domain/commands';
import { stampEvents, type DomainEvent, type EventDraft } from '../../shared/domain/events';
import { formatComplaintNumber, localDateKey, parseComplaintNumber } from '../../shared/domain/numbering';
import { foldComplaint } from '../../shared/domain/reducer';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { CN_CALENDAR } from '../../shared/calendar/defaults';
import type { Result } from '../../shared/result';
import { generateSeed } from '../../shared/seed/generator';
import { createRandom } from '../../shared/seed/random';

/** shared/seed names its first branch SH01; the benchmark sets the branch up under that code. */
export const BENCH_BRANCH = BranchCodeSchema.parse('SH01');
export const BENCH_TIME_ZONE = DEFAULT_POLICY.timeZone;
const SEED = 20261130;
const ACTOR = { id: UserIdSchema.parse('bench-staff'), role: 'supervisor' as const };
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴霞'];
const TEXTS = ['购买的牛奶已过期，要求退款', '收银员态度恶劣', '预约上门安装，师傅迟到三小时', '发票金额与小票不符', '店内地面湿滑没有提示'];
const CATEGORIES = ['product_quality', 'service_attitude', 'delivery_delay', 'price_billing', 'environment_facilities'];
const CHANNELS = ['walk_in', 'phone', 'online', 'email', 'social_media'] as const;

/** The registration form's input for the i-th registration (no number: main gives it). */
export function registerInput(i: number, receivedAt: string) {
  return {
    receivedAt,
    channel: CHANNELS[i % CHANNELS.length] ?? 'walk_in',
    complainant: { name: NAMES[i % NAMES.length] ?? '张伟', phone: `138${String(10_000_000 + ((i * 7919) % 90_000_000)).slice(0, 8)}` },
    category: CATEGORIES[i % CATEGORIES.length] ?? 'other',
    nature: 'other' as const,
    description: `${TEXTS[i % TEXTS.length] ?? ''}（第${i}号）`,
    requests: ['explanation' as const],
  };
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export interface Dataset {
  /** Events generated (seq 1..events). */
  readonly events: number;
  readonly complaints: number;
  /** The one complaint with a long history (registration, acknowledgement, notes). */
  readonly long: { readonly id: ComplaintId; readonly lastNote: string };
}

/** Hands `count` seed complaints, `backlog` untouched ones and the long one to `emit`, in seq order from 1. */
export function generateDataset(
  { count, backlog, longEvents }: { count: number; backlog: number; longEvents: number },
  emit: (events: readonly DomainEvent[]) => void,
  endIso = new Date().toISOString(),
): Dataset {
  // Nothing of the seed happens in the last hour, so the long complaint's timeline is its own.
  const seeded = generateSeed({ branches: 1, complaints: count, now: new Date(Date.parse(endIso) - 3_600_000).toISOString(), days: 365 }, createRandom(SEED));
  const branch = seeded.branches[0]?.code;
  if (branch !== BENCH_BRANCH) throw new Error(`the seed's branch is ${branch ?? 'missing'}, not ${BENCH_BRANCH}`);
  // Numbers continue each local day's seed numbers, as main would give them.
  const perDay = new Map<string, number>();
  for (const event of seeded.events) {
    if (event.type !== 'Registered') continue;
    const parts = parseComplaintNumber(event.payload.number);
    if (parts.ok) perDay.set(parts.value.localDate, Math.max(perDay.get(parts.value.localDate) ?? 0, parts.value.seq));
  }
  const nextNumber = (at: string): string => {
    const day = localDateKey(at, BENCH_TIME_ZONE);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    return formatComplaintNumber(BENCH_BRANCH, day, seq);
  };
  for (let i = 0; i < seeded.events.length; i += 10_000) emit(seeded.events.slice(i, i + 10_000));
  let emitted = seeded.events.length;

  let ids = 0;
  const contextAt = (at: string): CommandContext => ({ now: at, actor: ACTOR, newId: () => `bench-${++ids}`, policy: DEFAULT_POLICY, calendar: CN_CALENDAR });
  const append = (drafts: readonly EventDraft[]): DomainEvent[] => {
    const stamped = stampEvents(drafts, { branch: BENCH_BRANCH, firstSeq: emitted + 1 });
    emitted += stamped.length;
    emit(stamped);
    return stamped;
  };
  const minutesAfter = (minutes: number, from = endIso): string => new Date(Date.parse(from) + minutes * 60_000).toISOString();
  // The backlog: complaints registered over the year (a third acknowledged) that nobody handled since — every
  // one overdue, so the app's first escalation sweep has them all to name.
  const step = Math.floor((365 * 86_400_000) / Math.max(1, backlog));
  for (let i = 0; i < backlog; i += 1) {
    const at = new Date(Date.parse(endIso) - (backlog - i) * step).toISOString();
    const stamped = append(unwrap(COMMANDS.register(undefined, { ...registerInput(i, at), number: nextNumber(at) }, contextAt(at))));
    if (i % 3 === 0) append(unwrap(COMMANDS.acknowledge(foldComplaint(stamped), {}, contextAt(minutesAfter(10, at)))));
  }
  const history = [...append(unwrap(COMMANDS.register(undefined, { ...registerInput(0, endIso), number: nextNumber(endIso) }, contextAt(endIso))))];
  history.push(...append(unwrap(COMMANDS.acknowledge(foldComplaint(history), {}, contextAt(minutesAfter(1))))));
  let lastNote = '';
  for (let note = 1; history.length < longEvents; note += 1) {
    lastNote = `跟进记录 ${note}：已电话联系顾客，顾客表示理解`;
    history.push(...append(unwrap(COMMANDS.addNote(foldComplaint(history), { text: lastNote }, contextAt(minutesAfter(1 + note))))));
  }
  const id = history[0]?.complaintId;
  if (!id) throw new Error('the long complaint has no events');
  return { events: emitted, complaints: count + backlog + 1, long: { id, lastNote } };
}
