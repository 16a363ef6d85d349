import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ComplaintIdSchema } from '../../shared/brand';
import { AROUND_THE_CLOCK } from '../../shared/calendar/calendar';
import { withCustomerRepeats, type KpiFacts } from '../../shared/kpi/facts';
import { DEFAULT_POLICY_BOOK } from '../../shared/policy/book';
import { freshName } from '../../tests/unit/store/desk';
import { allKpiFacts, putKpiFacts } from './kpi-hours';
import { openDeskDb } from './open';
import { linkAllRepeats, linkRepeatsAround } from './repeat-links';

/** A complaint's KPI facts as head office's copy holds them, with its customer keys. */
function facts(id: string, branch: string, receivedAt: string, customerKeys: string[], ownRepeat = false): KpiFacts {
  return {
    id: ComplaintIdSchema.parse(id),
    number: `${branch}-${receivedAt.slice(0, 10).replaceAll('-', '')}-0001`,
    receivedAt,
    receivedMs: Date.parse(receivedAt),
    voided: false,
    status: 'registered',
    terminal: false,
    grade: 4,
    channel: 'walk_in',
    category: 'product_quality',
    subCategory: '',
    department: '',
    person: 'u-staff',
    rootCause: '',
    flags: [],
    response: { verdict: 'undecided' },
    resolution: { verdict: 'undecided' },
    resolvable: true,
    resolved: false,
    ownRepeat,
    customerKeys,
    repeat: ownRepeat,
    correctiveActions: [],
  };
}

const PHONE = 'phone#hmac-sha256:aa';
const EMAIL = 'email#hmac-sha256:bb';

describe("head office's repeat links", () => {
  const open = () => openDeskDb(freshName('links'), { policies: DEFAULT_POLICY_BOOK, calendar: AROUND_THE_CLOCK, linkCustomers: true });
  /** Which complaints count as repeats now, and that the whole-table rule says the same. */
  const repeats = async (db: ReturnType<typeof open>) => {
    const all = (await allKpiFacts(db.kpiHours)).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(withCustomerRepeats(all).map((fact) => fact.repeat)).toEqual(all.map((fact) => fact.repeat));
    return all.filter((fact) => fact.repeat).map((fact) => fact.id);
  };

  it('links as complaints arrive late, lose their keys (anonymised) or are their own repeats, as the whole-table rule does', async () => {
    const db = open();
    const a = facts('a', 'SH01', '2026-10-02T01:00:00.000Z', [PHONE]);
    const b = facts('b', 'BJ02', '2026-10-03T01:00:00.000Z', [PHONE, EMAIL]);
    const c = facts('c', 'SH01', '2026-10-04T01:00:00.000Z', [EMAIL]);
    await putKpiFacts(db.kpiHours, [a, b, c]);
    await linkAllRepeats(db.kpiHours);
    expect(await repeats(db)).toEqual(['b', 'c']);

    // b is anonymised: its keys go, and c (linked only through b's e-mail) is no longer a repeat; b is not either.
    const anonymised = { ...b, customerKeys: [] };
    await putKpiFacts(db.kpiHours, [anonymised]);
    await linkRepeatsAround(db.kpiHours, [anonymised], b.customerKeys);
    expect(await repeats(db)).toEqual([]);

    // An earlier complaint of a's customer reaches head office late: a is now a repeat.
    const early = facts('early', 'GZ03', '2026-10-01T01:00:00.000Z', [PHONE]);
    await putKpiFacts(db.kpiHours, [early]);
    await linkRepeatsAround(db.kpiHours, [early], []);
    expect(await repeats(db)).toEqual(['a']);

    // A complaint registered as a repeat stays one whatever its customer keys say.
    const own = facts('own', 'SH01', '2026-10-05T01:00:00.000Z', [], true);
    await putKpiFacts(db.kpiHours, [own]);
    await linkRepeatsAround(db.kpiHours, [own], []);
    expect(await repeats(db)).toEqual(['a', 'own']);
    db.close();
  });
});
