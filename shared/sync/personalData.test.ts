import { describe, expect, it } from 'vitest';
import { parseEvent } from '../domain/events';
import { RegisterInput } from '../domain/commands/registration';
import type { PersonalDataToHeadOffice } from '../policy/policy';
import { DEFAULT_POLICY, parsePolicy } from '../policy/policy';
import { customerKeysOf, repeatsByCustomer } from '../kpi/repeats';
import { complainantForHeadOffice, eventsForHeadOffice, newPersonalDataKey, personalDataHasher, type PersonalDataHasher } from './personalData';

const CUSTOMER = { name: '王小明', phone: '138 1234 5678', email: 'Wang.XM@example.com', address: '上海市浦东新区世纪大道100号', customerNumber: 'vip-778899' };
const ALL = (mode: 'full' | 'masked' | 'none'): PersonalDataToHeadOffice => ({ name: mode, phone: mode, email: mode, address: mode, customerNumber: mode });

async function hasher(key = newPersonalDataKey()): Promise<PersonalDataHasher> {
  const made = await personalDataHasher(key);
  if (!made) throw new Error('the key was refused');
  return made;
}

describe('personal data to head office', () => {
  it('full sends every field as typed; none sends nothing', async () => {
    expect(await complainantForHeadOffice(CUSTOMER, ALL('full'), await hasher())).toEqual(CUSTOMER);
    expect(await complainantForHeadOffice(CUSTOMER, ALL('none'), await hasher())).toEqual({});
  });

  it('masked shows part of the name, hides the address, and replaces each identifier by its keyed hash', async () => {
    const sent = await complainantForHeadOffice(CUSTOMER, ALL('masked'), await hasher());
    expect(sent).toEqual({
      name: '王**',
      address: '******',
      keyed: { phone: expect.stringMatching(/^hmac-sha256:[0-9a-f]{64}$/), email: expect.stringMatching(/^hmac-sha256:/), customerNumber: expect.stringMatching(/^hmac-sha256:/) },
    });
    const text = JSON.stringify(sent);
    for (const plain of ['13812345678', '1234', '5678', 'example.com', '世纪大道', '778899', '小明']) expect(text).not.toContain(plain);
  });

  it('each field follows its own mode (the default policy: name masked, phone and customer number keyed, email and address not sent)', async () => {
    const sent = await complainantForHeadOffice(CUSTOMER, DEFAULT_POLICY.personalData.toHeadOffice, await hasher());
    expect(Object.keys(sent).sort()).toEqual(['keyed', 'name']);
    expect(Object.keys(sent.keyed ?? {}).sort()).toEqual(['customerNumber', 'phone']);
    const mixed = await complainantForHeadOffice(CUSTOMER, { ...ALL('none'), email: 'full', phone: 'masked' }, await hasher());
    expect(Object.keys(mixed).sort()).toEqual(['email', 'keyed']);
  });

  it('one phone typed in different ways gives one keyed value with one key, and another with another key', async () => {
    const key = newPersonalDataKey();
    const [a, b] = [await hasher(key), await hasher(key)];
    const ways = ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '+8613812345678', '86-13812345678'];
    const values = new Set(await Promise.all(ways.map((phone, i) => (i % 2 ? a : b).keyed('phone', phone))));
    expect(values.size).toBe(1);
    expect(await (await hasher()).keyed('phone', '13812345678')).not.toBe([...values][0]);
    expect(await a.keyed('phone', '+86 21 1234 5678')).toBe(await a.keyed('phone', '021-12345678'));
    // The field is part of what is hashed: a customer number equal to a phone number does not link to it.
    expect(await a.keyed('customerNumber', '13812345678')).not.toBe(await a.keyed('phone', '13812345678'));
  });

  it('without a key a masked identifier is not sent at all, and a malformed key is refused', async () => {
    expect(await complainantForHeadOffice(CUSTOMER, ALL('masked'), undefined)).toEqual({ name: '王**', address: '******' });
    for (const bad of ['', 'short', `${newPersonalDataKey()}A`, '*'.repeat(43)]) expect(await personalDataHasher(bad)).toBeUndefined();
  });

  it('an outgoing registration still parses as an event, its other events are untouched, and the branch form refuses a keyed field', async () => {
    const registered = parseEvent({
      id: 'SH01-e2', complaintId: 'SH01-e1', branch: 'SH01', seq: 1, at: '2026-10-01T01:00:00.000Z', actor: 'u-counter', type: 'Registered', v: 1,
      payload: { number: 'SH01-20261001-0001', receivedAt: '2026-10-01T01:00:00.000Z', channel: 'walk_in', complainant: CUSTOMER, anonymous: false, incident: {}, category: 'product_quality', nature: 'other', description: '牛奶过期', requests: ['explanation'], evidence: [], receivedBy: 'u-counter', grade: 4, flags: [], policyVersion: 1 },
    });
    const noted = parseEvent({ id: 'SH01-e3', complaintId: 'SH01-e1', branch: 'SH01', seq: 2, at: '2026-10-01T01:01:00.000Z', actor: 'u-counter', type: 'NoteAdded', v: 1, payload: { text: '已联系' } });
    if (!registered.ok || !noted.ok) throw new Error('fixture does not parse');
    const [out, note] = await eventsForHeadOffice([registered.value, noted.value], ALL('masked'), await hasher());
    expect(note).toBe(noted.value);
    expect(parseEvent(JSON.parse(JSON.stringify(out)))).toMatchObject({ ok: true });
    expect(registered.value.type === 'Registered' && registered.value.payload.complainant).toEqual(CUSTOMER); // the branch's event is unchanged
    const keyed = out?.type === 'Registered' ? out.payload.complainant.keyed : undefined;
    expect(RegisterInput.safeParse({ complainant: { phone: '13812345678', keyed } }).error?.issues.some((issue) => issue.path.join('.') === 'complainant')).toBe(true);
  });

  it('repeats link complaints of one customer across branches by the keyed value, and only later ones count', async () => {
    const h = await hasher();
    const at = (minutes: number) => new Date(Date.UTC(2026, 9, 1, 1, minutes)).toISOString();
    const sent = async (phone: string) => complainantForHeadOffice({ phone }, DEFAULT_POLICY.personalData.toHeadOffice, h);
    const repeats = repeatsByCustomer([
      { branch: 'BJ02', id: 'b1', receivedAt: at(5), complainant: await sent('+86 138-1234-5678') },
      { branch: 'SH01', id: 's1', receivedAt: at(1), complainant: await sent('138 1234 5678') },
      { branch: 'SH01', id: 's2', receivedAt: at(2), complainant: await sent('13900000000') },
      { branch: 'SH01', id: 's3', receivedAt: at(3), complainant: {} },
      { branch: 'SH01', id: 's4', receivedAt: at(4), complainant: {} },
    ]);
    expect([...repeats]).toEqual(['BJ02/b1']);
    expect(customerKeysOf({ phone: '138 1234 5678' })).toEqual(customerKeysOf({ phone: '+8613812345678' }));
  });

  it('the policy field defaults for older policy files and refuses an unknown mode', () => {
    const { personalData: _omitted, ...older } = DEFAULT_POLICY;
    const parsed = parsePolicy(older);
    expect(parsed.ok && parsed.value.personalData).toEqual(DEFAULT_POLICY.personalData);
    const bad = parsePolicy({ ...DEFAULT_POLICY, personalData: { toHeadOffice: { ...ALL('full'), phone: 'hashed' } } });
    expect(bad.ok ? 'accepted' : bad.error.path).toBe('personalData.toHeadOffice.phone');
  });
});
