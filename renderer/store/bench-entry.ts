/**
 * A page-side entry for benchmarks: bundle it (esbuild/vite) into a page and drive `window.deskBench` from
 * Playwright. It opens real Dexie databases in the browser's IndexedDB and uses the app's own store code.
 *
 *   await page.evaluate(() => deskBench.seed('bench', 100_000));          // ms to generate + load
 *   await page.evaluate(() => deskBench.firstScreen('bench', {}));        // { total, idsMs, firstRowsMs }
 *   await page.evaluate(() => deskBench.registerMany('bench2', 1000));    // { storeMs, bareMs }
 */
import { BranchCodeSchema, UserIdSchema, type ComplaintId } from '../../shared/brand';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { COMMANDS, type CommandContext } from '../../shared/domain/commands';
import { stampEvents, type DomainEvent } from '../../shared/domain/events';
import { formatComplaintNumber, localDateKey } from '../../shared/domain/numbering';
import { foldComplaint } from '../../shared/domain/reducer';
import { DEFAULT_POLICY } from '../../shared/policy/policy';
import { bulkLoadEvents, confirmingApi, timeBareAdds, timeRegisterFirstScreen } from './bench';
import { deadlineSummarizer } from './deadline-columns';
import { openDeskDb } from './open';
import type { RegisterQuery } from './queries';
import { createDeskStore, type RegisterInput } from './store';

const BRANCH = BranchCodeSchema.parse('SH01');
const ACTOR = { id: UserIdSchema.parse('bench-staff'), role: 'supervisor' as const };
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴霞'];
const TEXTS = ['购买的牛奶已过期，要求退款', '收银员态度恶劣', '预约上门安装，师傅迟到三小时', '发票金额与小票不符', '店内地面湿滑没有提示'];
const CATEGORIES = ['product_quality', 'service_attitude', 'delivery_delay', 'price_billing', 'environment_facilities'];
const CHANNELS = ['walk_in', 'phone', 'online', 'email', 'social_media'] as const;

const open = (name: string) => openDeskDb(name, { policy: DEFAULT_POLICY, calendar: AROUND_THE_CLOCK });

function input(i: number, receivedAt: string): RegisterInput {
  return {
    receivedAt,
    channel: CHANNELS[i % CHANNELS.length] ?? 'walk_in',
    complainant: { name: NAMES[i % NAMES.length] ?? '张伟', phone: `138${String(10_000_000 + ((i * 7919) % 90_000_000)).slice(0, 8)}` },
    category: CATEGORIES[i % CATEGORIES.length] ?? 'other',
    nature: 'other',
    description: `${TEXTS[i % TEXTS.length] ?? ''}（第${i}号）`,
    requests: ['explanation'],
  };
}

/** `count` complaints over the last year, a third of them acknowledged: events in seq order. */
export function generateEvents(count: number, endIso = '2026-11-23T02:00:00.000Z'): DomainEvent[] {
  const events: DomainEvent[] = [];
  const end = Date.parse(endIso);
  const step = Math.floor((365 * 86_400_000) / count);
  let ids = 0;
  const perDay = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const at = new Date(end - (count - i) * step).toISOString();
    const ctx: CommandContext = { now: at, actor: ACTOR, newId: () => `b${++ids}`, policy: DEFAULT_POLICY };
    const day = localDateKey(at, 'Asia/Shanghai');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const registered = COMMANDS.register(undefined, { ...input(i, at), number: formatComplaintNumber(BRANCH, day, seq) }, ctx);
    if (!registered.ok) throw new Error(registered.error.message);
    const stamped = stampEvents(registered.value, { branch: BRANCH, firstSeq: events.length + 1 });
    events.push(...stamped);
    if (i % 3 === 0) {
      const later = { ...ctx, now: new Date(Date.parse(at) + 600_000).toISOString() };
      const acknowledged = COMMANDS.acknowledge(foldComplaint(stamped), {}, later);
      if (acknowledged.ok) events.push(...stampEvents(acknowledged.value, { branch: BRANCH, firstSeq: events.length + 1 }));
    }
  }
  return events;
}

const bench = {
  generateEvents,
  async seed(name: string, count: number) {
    const db = open(name);
    const events = generateEvents(count);
    const loadMs = await bulkLoadEvents(db, events, deadlineSummarizer(DEFAULT_POLICY, AROUND_THE_CLOCK));
    db.close();
    return { events: events.length, loadMs };
  },
  async firstScreen(name: string, query: RegisterQuery, at = '2026-11-23T03:00:00.000Z') {
    const db = open(name);
    await db.open();
    const result = await timeRegisterFirstScreen(db, query, at);
    db.close();
    return result;
  },
  async registerMany(name: string, count: number) {
    const db = open(name);
    let ids = 0;
    const store = createDeskStore({
      db,
      api: confirmingApi(),
      clock: () => new Date().toISOString(),
      newId: () => `r${++ids}`,
      session: { userId: ACTOR.id, role: ACTOR.role },
      branch: { code: BRANCH, timeZone: 'Asia/Shanghai' },
      policy: DEFAULT_POLICY,
      calendar: AROUND_THE_CLOCK,
    });
    const started = performance.now();
    let first: ComplaintId | undefined;
    for (let i = 0; i < count; i += 1) {
      const registered = await store.register(input(i, new Date().toISOString()));
      if (!registered.ok) throw new Error(registered.error.message);
      first ??= registered.value.id;
    }
    const storeMs = performance.now() - started;
    const bareMs = first ? await timeBareAdds(db, first, count) : 0;
    store.dispose();
    db.close();
    return { storeMs, bareMs };
  },
};

declare global {
  interface Window {
    deskBench?: typeof bench;
  }
}
window.deskBench = bench;
