import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintId } from '../../shared/brand';
import { SEARCH_DOCS_VERSION_KEY } from './counters';
import type { KpiSelection } from '../../shared/kpi/selection';
import { countAll, countDeadlines, countOpenHeldBy, isPlainOrder, loadActionHolders, loadKpiFactsBetween, loadPlainWindow, loadRecords, queryRegisterIds, toComplaintRow, type RegisterQuery } from './queries';
import { openTestDesk, STAFF, SUPERVISOR, testDesks, walkIn, type TestDesk } from '../../tests/unit/store/desk';

let d: TestDesk;
const id: Record<string, ComplaintId> = {};

beforeAll(async () => {
  d = await openTestDesk({ now: '2026-11-23T02:00:00.000Z' });
  const add = async (key: string, overrides: Parameters<typeof walkIn>[0], now: string) => {
    d.setNow(now);
    const registered = await d.store.register(walkIn(overrides));
    if (!registered.ok) throw new Error(registered.error.message);
    id[key] = registered.value.id;
  };
  await add('milk', { receivedAt: '2026-11-23T01:00:00.000Z', complainant: { name: '张三', phone: '138-1234-5678' } }, '2026-11-23T02:00:00.000Z');
  await add(
    'rude',
    {
      receivedAt: '2026-11-23T03:00:00.000Z',
      channel: 'phone',
      category: 'service_attitude',
      nature: 'people',
      complainant: { name: '李四', phone: '13900009999' },
      description: 'Cashier was rude and refused the coupon 收银员态度恶劣',
    },
    '2026-11-23T03:10:00.000Z',
  );
  await add(
    'late',
    {
      receivedAt: '2026-11-24T06:00:00.000Z',
      channel: 'online',
      category: 'delivery_delay',
      nature: 'other',
      complainant: { name: '张伟', email: 'zw@example.cn' },
      description: '预约上门安装，师傅迟到三小时',
      impression: { severity: 'medium', urgency: 'high', spread: 'individual' },
    },
    '2026-11-24T06:05:00.000Z',
  );
  d.setNow('2026-11-24T07:00:00.000Z');
  const late = id.late as ComplaintId;
  const supervisor = await openTestDesk({ name: d.db.name, main: d.main, role: 'supervisor', now: '2026-11-24T07:00:00.000Z' });
  expect((await supervisor.store.perform(late, 'acknowledge', {})).ok).toBe(true);
  expect((await supervisor.store.perform(late, 'assign', { to: SUPERVISOR, reason: '主管亲自处理' })).ok).toBe(true);
});
afterAll(async () => {
  d.db.close();
  await d.main.close();
});

const run = (query: RegisterQuery, now = '2026-11-24T08:00:00.000Z') => queryRegisterIds(d.db, query, now);

describe('register query', () => {
  it('lists everything newest received first by default, and in any sort asked for', async () => {
    expect(await run({})).toEqual([id.late, id.rude, id.milk]);
    expect(await run({ sort: { by: 'receivedAt', direction: 'asc' } })).toEqual([id.milk, id.rude, id.late]);
    expect(await run({ sort: { by: 'number', direction: 'asc' } })).toEqual([id.milk, id.rude, id.late]);
    expect((await run({ sort: { by: 'grade', direction: 'asc' } }))[0]).toBe(id.late);
  });

  it('finds by number (whole, prefix, or the tail read off a receipt)', async () => {
    expect(await run({ search: 'SH01-20261124-0001' })).toEqual([id.late]);
    expect(await run({ search: 'sh01-20261123' })).toEqual([id.rude, id.milk]);
    expect(await run({ search: '20261123-0002' })).toEqual([id.rude]);
  });

  it('finds by customer name, phone digits however typed, and words of the text', async () => {
    expect(await run({ search: '张' })).toEqual([id.late, id.milk]);
    expect(await run({ search: '李四' })).toEqual([id.rude]);
    expect(await run({ search: '138 1234' })).toEqual([id.milk]);
    expect(await run({ search: '5678' })).toEqual([id.milk]);
    expect(await run({ search: 'COUPON' })).toEqual([id.rude]);
    expect(await run({ search: '态度恶劣' })).toEqual([id.rude]);
    expect(await run({ search: '迟到' })).toEqual([id.late]);
    expect(await run({ search: '不存在的内容' })).toEqual([]);
  });

  it('filters by status, grade, category, channel and assignee, each as "any of", together as "all of"', async () => {
    expect(await run({ status: ['acknowledged'] })).toEqual([id.late]);
    expect(await run({ status: ['registered', 'acknowledged'] })).toEqual([id.late, id.rude, id.milk]);
    expect(await run({ grade: [2] })).toEqual([id.late]);
    expect(await run({ category: ['service_attitude', 'product_quality'] })).toEqual([id.rude, id.milk]);
    expect(await run({ channel: ['phone'] })).toEqual([id.rude]);
    expect(await run({ assignee: [STAFF] })).toEqual([id.rude, id.milk]);
    expect(await run({ assignee: [STAFF], channel: ['walk_in'] })).toEqual([id.milk]);
    expect(await run({ assignee: [STAFF], channel: ['online'] })).toEqual([]);
  });

  it('filters by the date received (from inclusive, to exclusive) under any sort', async () => {
    const day = { receivedFrom: '2026-11-22T16:00:00.000Z', receivedTo: '2026-11-23T16:00:00.000Z' };
    expect(await run(day)).toEqual([id.rude, id.milk]);
    expect(await run({ ...day, sort: { by: 'number', direction: 'desc' } })).toEqual([id.rude, id.milk]);
    expect(await run({ ...day, status: ['registered'], search: '张三' })).toEqual([id.milk]);
  });

  it('shows overdue complaints by the clock at the moment asked', async () => {
    // Registered grade 4 at 01:00 and 03:00 on the 23rd: the 24 h acknowledgement runs out on the 24th.
    expect(await run({ overdue: true }, '2026-11-24T00:30:00.000Z')).toEqual([]);
    expect(await run({ overdue: true }, '2026-11-24T02:00:00.000Z')).toEqual([id.milk]);
    expect(await run({ overdue: true }, '2026-11-24T04:00:00.000Z')).toEqual([id.rude, id.milk]);
  });

  it('sorts the same whether it reads the sort index or sorts a small match set in memory', async () => {
    const sorts = (['receivedAt', 'number', 'nextDeadlineAt', 'grade'] as const).flatMap((by) =>
      (['asc', 'desc'] as const).map((direction) => ({ by, direction })),
    );
    const filters: RegisterQuery[] = [{ search: '张' }, { category: ['service_attitude', 'delivery_delay'] }, { status: ['registered'], receivedFrom: '2026-11-23T02:00:00.000Z' }];
    for (const filter of filters) {
      for (const sort of sorts) {
        const query = { ...filter, sort };
        const now = '2026-11-24T08:00:00.000Z';
        expect([query, await queryRegisterIds(d.db, query, now)]).toEqual([query, await queryRegisterIds(d.db, query, now, { sortInMemoryMax: 0 })]);
      }
    }
  });

  it('reads a tier off the board’s [terminal+tier] index, open and ended alike', async () => {
    expect(await d.db.complaints.where('[terminal+tier]').anyOf([[0, 'T1'], [1, 'T1']]).count()).toBe(3);
    expect(await run({ tier: ['T1'] })).toEqual([id.late, id.rude, id.milk]);
  });

  it('counts due-soon and overdue complaints exactly as the rows show them', async () => {
    const rows = await d.db.complaints.toArray();
    for (const now of ['2026-11-23T12:00:00.000Z', '2026-11-23T20:00:00.000Z', '2026-11-23T22:00:00.000Z', '2026-11-24T02:00:00.000Z', '2026-11-25T12:00:00.000Z']) {
      const states = rows.map((row) => toComplaintRow(row, new Map(), now).clockState);
      const expected = { dueSoon: states.filter((state) => state === 'due_soon').length, overdue: states.filter((state) => state === 'overdue').length };
      expect([now, await countDeadlines(d.db, now)]).toEqual([now, expected]);
    }
    expect(await countDeadlines(d.db, '2026-11-23T20:00:00.000Z')).toEqual({ dueSoon: 1, overdue: 0 });
  });

  it('filters the register to the complaints due soon or overdue, most urgent first', async () => {
    for (const now of ['2026-11-23T12:00:00.000Z', '2026-11-23T22:00:00.000Z', '2026-11-24T02:00:00.000Z', '2026-11-24T04:00:00.000Z', '2026-11-25T12:00:00.000Z']) {
      const rows = (await d.db.complaints.toArray()).map((row) => toComplaintRow(row, new Map(), now));
      const urgent = rows
        .filter((row) => row.clockState === 'overdue' || row.clockState === 'due_soon')
        .sort((a, b) => ((a.nextDeadlineAt ?? '') < (b.nextDeadlineAt ?? '') ? -1 : 1))
        .map((row) => row.id);
      expect([now, await run({ dueSoon: true, sort: { by: 'nextDeadlineAt', direction: 'asc' } }, now)]).toEqual([now, urgent]);
    }
    expect(isPlainOrder({ dueSoon: true })).toBe(false);
  });

  it('opens the unfiltered view straight from the index: same rows and total as the id list', async () => {
    expect(isPlainOrder({})).toBe(true);
    expect(isPlainOrder({ status: ['registered'] })).toBe(false);
    expect(isPlainOrder({ sort: { by: 'grade', direction: 'asc' } })).toBe(false);
    expect(await countAll(d.db)).toBe(3);
    for (const sort of [undefined, { by: 'number', direction: 'asc' } as const]) {
      const query: RegisterQuery = sort ? { sort } : {};
      const window = await loadPlainWindow(d.db, query, 1, 2);
      expect(window.map((row) => row.id)).toEqual((await run(query)).slice(1, 3));
    }
  });

  it('gives rows with the assignee’s name, the masked phone and the clock state at render time', async () => {
    const [record] = await loadRecords(d.db, [id.milk as ComplaintId]);
    if (!record) throw new Error('missing');
    const names = new Map([[STAFF as string, '李华']]);
    expect(toComplaintRow(record, names, '2026-11-23T02:00:00.000Z')).toMatchObject({
      number: 'SH01-20261123-0001',
      assigneeName: '李华',
      customerName: '张三',
      phoneMasked: '138****5678',
      clockState: 'on_time',
      nextDeadlineKind: 'acknowledgement',
    });
    expect(toComplaintRow(record, names, '2026-11-24T02:00:00.000Z').clockState).toBe('overdue');
  });
});

describe('register query by tier and major flags', () => {
  const fresh = testDesks({ now: '2026-11-23T02:00:00.000Z', role: 'supervisor' });

  it('finds complaints at a tier, and the major ones (any flag, or a given flag), under any sort', async () => {
    const desk = await fresh();
    const register = async (overrides: Parameters<typeof walkIn>[0]) => {
      const registered = await desk.store.register(walkIn(overrides));
      if (!registered.ok) throw new Error(registered.error.message);
      return registered.value.id;
    };
    const plain = await register({ receivedAt: '2026-11-23T01:00:00.000Z' });
    const crowd = await register({ receivedAt: '2026-11-23T01:10:00.000Z', collective: { count: 8 } });
    const raised = await register({ receivedAt: '2026-11-23T01:20:00.000Z' });
    expect(await desk.store.perform(raised, 'escalate', { reason: '顾客要求主管处理' })).toMatchObject({ ok: true });
    const now = desk.now();
    const ask = (query: RegisterQuery) => queryRegisterIds(desk.db, query, now);

    expect(await ask({ tier: ['T2'] })).toEqual([raised]);
    // A major complaint goes straight to senior management (T4).
    expect(await ask({ tier: ['T4'] })).toEqual([crowd]);
    expect(await ask({ tier: ['T1'] })).toEqual([plain]);
    expect(await ask({ tier: ['T1', 'T2', 'T4'], sort: { by: 'receivedAt', direction: 'asc' } })).toEqual([plain, crowd, raised]);
    expect(await ask({ major: true })).toEqual([crowd]);
    expect(await ask({ major: ['collective'] })).toEqual([crowd]);
    expect(await ask({ major: ['media'] })).toEqual([]);
    expect(await ask({ major: true, tier: ['T2'] })).toEqual([]);
    expect(await ask({ major: true, tier: ['T4'] })).toEqual([crowd]);
    expect(await ask({ major: [] })).toEqual([raised, crowd, plain]);
    expect(await ask({ major: true, receivedFrom: '2026-11-23T01:15:00.000Z' })).toEqual([]);
    for (const by of ['receivedAt', 'number', 'nextDeadlineAt', 'grade'] as const) {
      const query: RegisterQuery = { tier: ['T1', 'T4'], sort: { by, direction: 'desc' } };
      expect(await queryRegisterIds(desk.db, query, now)).toEqual(await queryRegisterIds(desk.db, query, now, { sortInMemoryMax: 0 }));
    }
    expect(isPlainOrder({ tier: ['T1'] })).toBe(false);
    expect(isPlainOrder({ major: true })).toBe(false);
    expect(isPlainOrder({ major: [] })).toBe(true);
  });
});

describe('search between changes', () => {
  const fresh = testDesks({ now: '2026-11-23T02:00:00.000Z' });

  it('finds a complaint registered after an earlier search of the same words', async () => {
    const desk = await fresh();
    const search = (text: string) => queryRegisterIds(desk.db, { search: text }, desk.now());
    const yoghurt = await desk.store.register(walkIn({ description: '冷柜温度过高，酸奶变质' }));
    expect(await search('酸奶')).toEqual([yoghurt.ok && yoghurt.value.id]);
    expect(await search('发霉')).toEqual([]);

    const bread = await desk.store.register(walkIn({ description: '面包发霉，要求退货' }));

    expect(await search('发霉')).toEqual([bread.ok && bread.value.id]);
    expect(await search('酸奶')).toEqual([yoghurt.ok && yoghurt.value.id]);
  });

  it('keeps the docs (and the search’s copy of them) when a step leaves the searched text alone', async () => {
    const desk = await fresh();
    const registered = await desk.store.register(walkIn());
    if (!registered.ok) throw new Error(registered.error.message);
    const version = await desk.db.counters.get(SEARCH_DOCS_VERSION_KEY);
    expect(version?.last).toBeGreaterThan(0);

    expect(await desk.store.perform(registered.value.id, 'addNote', { text: '已回电顾客' })).toMatchObject({ ok: true });

    expect(await desk.db.counters.get(SEARCH_DOCS_VERSION_KEY)).toEqual(version);
  });
});

describe('filters between changes', () => {
  const fresh = testDesks({ now: '2026-11-23T02:00:00.000Z' });

  it('follow each step, whether this window or another one took it', async () => {
    const desk = await fresh();
    const registered = await desk.store.register(walkIn());
    if (!registered.ok) throw new Error(registered.error.message);
    const complaint = registered.value.id;
    const withStatus = (db: typeof desk.db, status: string) => queryRegisterIds(db, { status: [status], sort: { by: 'grade', direction: 'asc' } }, desk.now());
    const supervisor = await openTestDesk({ name: desk.db.name, main: desk.main, role: 'supervisor', now: desk.now() });
    expect(await withStatus(desk.db, 'registered')).toEqual([complaint]);
    expect(await withStatus(supervisor.db, 'registered')).toEqual([complaint]);

    expect(await supervisor.store.perform(complaint, 'acknowledge', {})).toMatchObject({ ok: true });

    // The supervisor's window took the step; the clerk's learns of it from the database.
    for (const db of [supervisor.db, desk.db]) {
      expect(await withStatus(db, 'acknowledged')).toEqual([complaint]);
      expect(await withStatus(db, 'registered')).toEqual([]);
    }

    expect(await supervisor.store.perform(complaint, 'assign', { to: SUPERVISOR, reason: '主管亲自处理' })).toMatchObject({ ok: true });

    for (const db of [supervisor.db, desk.db]) {
      expect(await queryRegisterIds(db, { assignee: [SUPERVISOR] }, desk.now())).toEqual([complaint]);
      expect(await queryRegisterIds(db, { assignee: [STAFF] }, desk.now())).toEqual([]);
    }
    supervisor.db.close();
  });
});

describe('open complaints held by a person', () => {
  const fresh = testDesks({ now: '2026-11-23T02:00:00.000Z', role: 'supervisor' });

  it('counts what they hold that has not ended, and nothing for someone else', async () => {
    const desk = await fresh();
    const kept = await desk.store.register(walkIn());
    const voided = await desk.store.register(walkIn({ complainant: { name: '重复登记' } }));
    if (!kept.ok || !voided.ok) throw new Error('setup');
    expect(await countOpenHeldBy(desk.db, SUPERVISOR)).toBe(2);

    expect(await desk.store.perform(voided.value.id, 'void', { reason: '重复登记' })).toMatchObject({ ok: true });

    expect(await countOpenHeldBy(desk.db, SUPERVISOR)).toBe(1);
    expect(await countOpenHeldBy(desk.db, STAFF)).toBe(0);
  });
});

describe('KPI facts and the dashboard filter', () => {
  const selection = (overrides: Partial<KpiSelection>): KpiSelection => ({
    from: '2026-11-22T16:00:00.000Z',
    to: '2026-11-24T16:00:00.000Z',
    now: '2026-11-24T08:00:00.000Z',
    today: '2026-11-24',
    measure: 'all',
    where: {},
    ...overrides,
  });

  it('are written with each step, oldest received first', async () => {
    const facts = await loadKpiFactsBetween(d.db, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect(facts.map((f) => f.id)).toEqual([id.milk, id.rude, id.late]);
    // Acknowledged by the supervisor an hour after receipt: its response clock is met, and it is now theirs.
    expect(facts[2]).toMatchObject({ response: { verdict: 'met' }, person: SUPERVISOR, acknowledgedAt: '2026-11-24T07:00:00.000Z' });
  });

  it('narrow the register to exactly the complaints behind a figure, with the other filters', async () => {
    expect(await run({ kpi: selection({}) })).toEqual([id.late, id.rude, id.milk]);
    expect(await run({ kpi: selection({ where: { channel: 'phone' } }) })).toEqual([id.rude]);
    expect(await run({ kpi: selection({ measure: 'resolvable', where: { category: 'delivery_delay' } }) })).toEqual([id.late]);
    expect(await run({ kpi: selection({ where: { person: SUPERVISOR } }), channel: ['walk_in'] })).toEqual([]);
    expect(await run({ kpi: selection({ from: '2026-11-23T16:00:00.000Z' }) })).toEqual([id.late]);
    expect(isPlainOrder({ kpi: selection({}) })).toBe(false);
  });

  it('judge clocks at the instant of the figure: a running clock counts once its deadline has passed', async () => {
    // The acknowledged complaint is decided (met) whenever; the two never acknowledged only once their response deadline has passed.
    expect(await run({ kpi: selection({ measure: 'response_decided', now: '2026-11-23T04:00:00.000Z' }) })).toEqual([id.late]);
    expect(await run({ kpi: selection({ measure: 'response_decided', now: '2026-11-25T08:00:00.000Z' }) })).toEqual([id.late, id.rude, id.milk]);
  });
});

describe('the complaints holding corrective actions', () => {
  it('are read off their own index: a complaint without any is not read, one whose actions are all closed still is', async () => {
    const desk = await openTestDesk({ role: 'supervisor', now: '2026-11-23T02:00:00.000Z' });
    const liable = { validity: 'liable', severity: 'low', urgency: 'low', spread: 'individual' } as const;
    const withAction = await desk.store.register(walkIn(), { assessment: liable });
    const without = await desk.store.register(walkIn(), { assessment: liable });
    if (!withAction.ok || !without.ok) throw new Error('not registered');
    expect(await loadActionHolders(desk.db)).toEqual([]);

    const opened = await desk.store.perform(withAction.value.id, 'openCorrectiveAction', { owner: '生鲜部', dueDate: '2026-11-30', description: '每日检查保质期' });
    expect(opened.ok).toBe(true);
    const holders = await loadActionHolders(desk.db);
    expect(holders.map((facts) => [facts.id, facts.correctiveActions.map((action) => action.owner)])).toEqual([[withAction.value.id, ['生鲜部']]]);

    const actionId = holders[0]?.correctiveActions[0]?.id ?? '';
    expect((await desk.store.perform(withAction.value.id, 'closeCorrectiveAction', { actionId, outcome: '已建立巡检表' })).ok).toBe(true);
    expect((await loadActionHolders(desk.db)).map((facts) => [facts.id, facts.correctiveActions.map((action) => action.outcome)])).toEqual([[withAction.value.id, ['已建立巡检表']]]);
    desk.db.close();
    await desk.main.close();
  });
});
