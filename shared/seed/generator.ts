/**
 * Sample data for tests, e2e and benchmarks (`npm run seed`): branches with staff, and complaints written as
 * event streams. Deterministic — everything random comes from the `Random` passed in and the fixed `now` — so
 * the same options and seed give byte-identical output. Every event is produced by the real domain commands
 * (see story.ts), so the data is always valid: each event passes `parseEvent` and every stream folds.
 *
 * Events of a branch are numbered in the order they happened (per-branch, gap-free `seq`); complaint numbers
 * follow numbering.ts (branch, local date of registration, daily sequence in registration order).
 */
import { BranchCodeSchema, SYSTEM_USER_ID, UserIdSchema, type BranchCode, type UserId } from '../brand';
import { CN_2026_CALENDAR, type WorkingCalendar } from '../calendar';
import { instantMs } from '../calendar/instant';
import type { DomainEvent } from '../domain/events';
import { formatComplaintNumber, localDateKey } from '../domain/numbering';
import type { Grade, Role } from '../domain/vocabulary';
import { DEFAULT_POLICY, gradeRule, type Policy } from '../policy/policy';
import { PATH_WEIGHTS, scriptFor, type PathName } from './paths';
import type { Random } from './random';
import { chineseName, registration, type ComplaintDraft } from './registration';
import { Story, type Cast } from './story';
import * as W from './wording';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface SeedOptions {
  readonly branches: number;
  readonly complaints: number;
  /** The generator's "now" (ISO): nothing happens after it. Fixed by default so output never depends on the real clock. */
  readonly now?: string;
  /** Complaints are received over this many days before `now`. */
  readonly days?: number;
  readonly policy?: Policy;
  readonly calendar?: WorkingCalendar;
}

export const DEFAULT_SEED_NOW = '2026-11-20T08:00:00.000Z';

export interface SeedUser {
  readonly id: UserId;
  readonly name: string;
  readonly role: Role;
}

export interface SeedBranch {
  readonly code: BranchCode;
  readonly name: string;
  readonly city: string;
  readonly users: readonly SeedUser[];
}

export interface SeedComplaint {
  readonly number: string;
  readonly branch: BranchCode;
  readonly path: PathName;
}

export interface SeedData {
  readonly now: string;
  readonly branches: readonly SeedBranch[];
  readonly complaints: readonly SeedComplaint[];
  /** By branch, then `seq`. */
  readonly events: readonly DomainEvent[];
}

export function generateSeed(options: SeedOptions, random: Random): SeedData {
  const policy = options.policy ?? DEFAULT_POLICY;
  const calendar = options.calendar ?? CN_2026_CALENDAR;
  const now = options.now ?? DEFAULT_SEED_NOW;
  const nowMs = Date.parse(now);
  if (!Number.isInteger(options.branches) || options.branches < 1) throw new RangeError('branches must be a whole number ≥ 1');
  if (!Number.isInteger(options.complaints) || options.complaints < 0) throw new RangeError('complaints must be a whole number ≥ 0');

  const branches = Array.from({ length: options.branches }, (_, i) => makeBranch(i, random));
  const casts = branches.map(castOf);
  const drafts = planComplaints(options.complaints, branches.length, nowMs - (options.days ?? 120) * DAY_MS, nowMs, random);
  numberComplaints(drafts, branches, policy.timeZone, random);

  const world = { policy, calendar, random, nowMs, newId: () => random.uuid() };
  const perBranch: DomainEvent[][] = branches.map(() => []);
  const complaints: SeedComplaint[] = [];
  for (const draft of drafts) {
    const branch = branches[draft.branchIndex] as SeedBranch;
    const cast = casts[draft.branchIndex] as Cast;
    const registrar = random.pick(cast.staff);
    const story = new Story(world, branch.code, cast, registrar, draft.registeredMs, draft.path === 'left_open' ? random.int(1, 4) : Infinity);
    story.do('register', registration(draft, branch, random));
    // Staff work to the grade the complaint will carry: a major complaint is grade 1 from the start.
    const rule = gradeRule(policy, draft.path === 'major' ? 1 : story.complaint.grade);
    const plan = {
      path: draft.path,
      wording: draft.wording,
      department: draft.department,
      facts: draft.facts,
      respondHours: rule.respondHours,
      resolveHours: rule.resolveHours,
      pace: random.chance(0.75) ? 0.4 + random.next() * 1.1 : 2 + random.next() * 2,
      colleague: random.pick(cast.staff.filter((id) => id !== registrar)),
      fill: draft.fill,
      timeZone: policy.timeZone,
      calendar,
      policy,
    };
    for (const step of scriptFor(draft.path, random)) {
      if (story.stopped) break;
      step(story, plan, random);
    }
    story.catchUp(nowMs);
    (perBranch[draft.branchIndex] as DomainEvent[]).push(...story.events);
    complaints.push({ number: draft.number, branch: branch.code, path: draft.path });
  }

  const events: DomainEvent[] = [];
  for (const branchEvents of perBranch) {
    // Events of one complaint keep their order (ties broken by position); the branch's log follows the clock.
    const times = branchEvents.map((event) => instantMs(event.at));
    const order = branchEvents.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
    order.forEach((index, i) => {
      // The stories' events are this function's own fresh objects: renumbering them in place saves a copy each.
      const event = branchEvents[index] as DomainEvent;
      event.seq = i + 1;
      events.push(event);
    });
  }
  return { now, branches, complaints, events };
}

function makeBranch(index: number, random: Random): SeedBranch {
  const city = W.CITIES[index % W.CITIES.length] as (typeof W.CITIES)[number];
  const round = Math.floor(index / W.CITIES.length);
  const place = city.places[round % city.places.length] as string;
  const suffix = round >= city.places.length ? `${Math.floor(round / city.places.length) + 1}号` : '';
  const code = BranchCodeSchema.parse(`${city.code}${String(round + 1).padStart(2, '0')}`);
  const person = (suffixId: string, role: Role): SeedUser => ({ id: UserIdSchema.parse(`${code}-${suffixId}`), name: chineseName(random), role });
  const staffCount = random.int(3, 6);
  return {
    code,
    name: `${W.COMPANY}${city.name}${place}${suffix}店`,
    city: city.name,
    users: [person('admin', 'admin'), person('m1', 'supervisor'), ...Array.from({ length: staffCount }, (_, i) => person(`s${i + 1}`, 'staff'))],
  };
}

function castOf(branch: SeedBranch): Cast {
  const supervisor = branch.users.find((user) => user.role === 'supervisor');
  if (supervisor === undefined) throw new Error(`Branch ${branch.code} has no supervisor`);
  return { staff: branch.users.filter((user) => user.role === 'staff').map((user) => user.id), supervisor: supervisor.id, system: SYSTEM_USER_ID };
}

const CHANNELS = [['walk_in', 30], ['phone', 30], ['online', 14], ['email', 5], ['social_media', 5], ['comment_book', 5], ['letter', 2], ['transferred', 6], ['other', 3]] as const;
const CATEGORIES = [
  ['product_quality', 20], ['service_attitude', 16], ['service_efficiency', 10], ['professional_competence', 6], ['after_sales', 14],
  ['delivery_delay', 10], ['information_communication', 5], ['price_billing', 10], ['environment_facilities', 6], ['other', 3],
] as const;
/** Severity, urgency, spread for each grade (grading.ts turns them back into the grade). */
const FACTS: readonly (readonly [{ grade: Grade; facts: ComplaintDraft['facts'] }, number])[] = [
  [{ grade: 1, facts: { severity: 'high', urgency: 'high', spread: 'several' } }, 6],
  [{ grade: 2, facts: { severity: 'medium', urgency: 'high', spread: 'individual' } }, 14],
  [{ grade: 3, facts: { severity: 'medium', urgency: 'medium', spread: 'individual' } }, 40],
  [{ grade: 4, facts: { severity: 'low', urgency: 'low', spread: 'individual' } }, 40],
];

function planComplaints(count: number, branchCount: number, fromMs: number, nowMs: number, random: Random): ComplaintDraft[] {
  const branchWeights = Array.from({ length: branchCount }, (_, i) => [i, random.int(1, 4)] as const);
  const drafts: ComplaintDraft[] = [];
  for (let i = 0; i < count; i++) {
    const channel = random.weighted(CHANNELS);
    const receivedMs = daytimeInstant(fromMs, nowMs, random);
    const slow = channel === 'email' || channel === 'letter' || channel === 'online' || channel === 'comment_book';
    const registeredMs = Math.min(nowMs, receivedMs + Math.round((slow ? 0.5 + random.next() * 16 : 0.03 + random.next() * 0.3) * HOUR_MS));
    const category = random.weighted(CATEGORIES);
    const wording = random.pick(W.WORDING[category] ?? []);
    const { grade, facts } = random.weighted(FACTS);
    const path = nowMs - receivedMs < 3 * DAY_MS && random.chance(0.3) ? 'left_open' : random.weighted(PATH_WEIGHTS);
    const amount = random.pick([20, 35.5, 58, 99, 128, 199, 268, 399, 688, 1299]);
    const product = random.pick(W.PRODUCTS);
    const order = `DD${random.int(10_000_000, 99_999_999)}`;
    const fill = (template: string): string =>
      template
        .replaceAll('{product}', product)
        .replaceAll('{amount}', String(amount))
        .replaceAll('{order}', order)
        .replaceAll('{days}', String(1 + (i % 9)))
        .replaceAll('{minutes}', String(20 + (i % 40)))
        .replaceAll('{staff}', `${random.pick(W.SURNAMES)}某`);
    drafts.push({
      branchIndex: random.weighted(branchWeights),
      receivedMs,
      registeredMs,
      channel,
      category,
      wording,
      department: random.pick(W.DEPARTMENTS[category] ?? ['客服中心']),
      grade,
      facts,
      path,
      amount,
      product,
      order,
      fill,
      number: '',
      repeatOf: undefined,
    });
  }
  return drafts.sort((a, b) => a.registeredMs - b.registeredMs);
}

/** An instant in [fromMs, nowMs), re-drawn a few times to land in shop hours (08:00–21:00 Beijing time). */
function daytimeInstant(fromMs: number, nowMs: number, random: Random): number {
  let ms = fromMs;
  for (let attempt = 0; attempt < 4; attempt++) {
    ms = fromMs + Math.floor(random.next() * (nowMs - fromMs));
    const localHour = (new Date(ms).getUTCHours() + 8) % 24;
    if (localHour >= 8 && localHour < 21) break;
  }
  return ms;
}

/** Daily sequence numbers per branch in registration order; a few complaints repeat an earlier one of their branch. */
function numberComplaints(drafts: ComplaintDraft[], branches: readonly SeedBranch[], timeZone: string, random: Random): void {
  const daily = new Map<string, number>();
  const earlier: string[][] = branches.map(() => []);
  for (const draft of drafts) {
    const branch = branches[draft.branchIndex] as SeedBranch;
    const date = localDateKey(new Date(draft.registeredMs).toISOString(), timeZone);
    const key = `${branch.code}-${date}`;
    const seq = (daily.get(key) ?? 0) + 1;
    daily.set(key, seq);
    draft.number = formatComplaintNumber(branch.code, date, seq);
    const previous = earlier[draft.branchIndex] as string[];
    if (previous.length > 0 && random.chance(0.03)) draft.repeatOf = previous[previous.length - 1 - random.int(0, Math.min(previous.length - 1, 40))];
    previous.push(draft.number);
  }
}
