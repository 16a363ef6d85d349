import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, parseEvent, type DomainEvent } from '../domain/events';
import { parseComplaintNumber } from '../domain/numbering';
import { foldComplaint } from '../domain/reducer';
import { CategoryCodeSchema, ChannelSchema, StatusSchema } from '../domain/vocabulary';
import { generateSeed, type SeedData } from './generator';
import { PATHS } from './paths';
import { createRandom } from './random';

const seed = (n: number, complaints = 800): SeedData => generateSeed({ branches: 3, complaints }, createRandom(n));
const data = seed(20261123);

function byComplaint(events: readonly DomainEvent[]): Map<string, DomainEvent[]> {
  const streams = new Map<string, DomainEvent[]>();
  for (const event of events) streams.set(event.complaintId, [...(streams.get(event.complaintId) ?? []), event]);
  return streams;
}
const states = [...byComplaint(data.events).values()].map((stream) => foldComplaint(stream));

describe('generateSeed', () => {
  it('writes only events that parseEvent accepts, as JSON lines', () => {
    const refused = data.events.map((event) => parseEvent(JSON.parse(JSON.stringify(event)))).filter((result) => !result.ok);
    expect(refused).toEqual([]);
  });

  it('numbers each branch log gap-free from 1, in time order', () => {
    for (const branch of data.branches) {
      const log = data.events.filter((event) => event.branch === branch.code);
      expect(log.map((event) => event.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log.every((event, i) => i === 0 || event.at >= (log[i - 1] as DomainEvent).at)).toBe(true);
    }
  });

  it('gives every complaint a stream that folds, with a unique well-formed number', () => {
    expect(states).toHaveLength(800);
    const numbers = states.map((state) => state.number);
    expect(new Set(numbers).size).toBe(800);
    expect(numbers.every((number) => parseComplaintNumber(number).ok)).toBe(true);
    expect(states.every((state) => Date.parse(state.updatedAt) <= Date.parse(data.now))).toBe(true);
  });

  it('covers every path, event type, channel, category, grade and status', () => {
    expect(new Set(data.complaints.map((c) => c.path))).toEqual(new Set(PATHS));
    // Anonymisation needs a record ended three years ago; the sample register spans months (retention.test.ts covers it).
    expect(new Set(data.events.map((event) => event.type))).toEqual(new Set(EVENT_TYPES.filter((type) => type !== 'Anonymised')));
    expect(new Set(states.map((state) => state.channel))).toEqual(new Set(ChannelSchema.options));
    expect(new Set(states.map((state) => state.category))).toEqual(new Set(CategoryCodeSchema.options));
    expect(new Set(states.map((state) => state.grade))).toEqual(new Set([1, 2, 3, 4]));
    // Every workflow state is passed through somewhere, and some complaints are still open at `now`.
    const passed = new Set([...byComplaint(data.events).values()].flatMap((stream) => stream.map((_, i) => foldComplaint(stream.slice(0, i + 1)).status)));
    expect(passed).toEqual(new Set(StatusSchema.options));
    expect(states.filter((state) => !state.terminal).length).toBeGreaterThan(20);
  });

  it('climbs the tiers and takes the PR and legal routes', () => {
    expect(new Set(states.map((state) => state.tier))).toEqual(new Set(['T1', 'T2', 'T3', 'T4']));
    expect(new Set(states.flatMap((state) => state.routes))).toEqual(new Set(['pr', 'legal']));
    expect(states.some((state) => state.flags.includes('unresolved_month'))).toBe(true);
    const triggers = new Set(data.events.flatMap((event) => (event.type === 'Escalated' ? [event.payload.trigger] : [])));
    expect(triggers).toEqual(new Set(['tier_deadline', 'customer_rejected', 'major_flag', 'dissatisfied', 'department_cannot_resolve']));
  });

  it('reads like a Chinese complaint register', () => {
    const named = states.filter((state) => state.complainant.name !== undefined);
    expect(named.every((state) => /^[\u4e00-\u9fff]{2,3}$/.test(state.complainant.name ?? ''))).toBe(true);
    const phones = states.flatMap((state) => (state.complainant.phone ? [state.complainant.phone] : []));
    expect(phones.length).toBeGreaterThan(700);
    expect(phones.every((phone) => /^1[3-9]\d{9}$/.test(phone))).toBe(true);
    expect(states.every((state) => /[\u4e00-\u9fff]/.test(state.description))).toBe(true);
    expect(data.branches.map((branch) => branch.name)).toEqual(['优选生活上海徐汇店', '优选生活北京朝阳大悦城店', '优选生活广州天河城店']);
  });

  it('gives byte-identical output for the same seed, and different output for another', () => {
    const again = generateSeed({ branches: 3, complaints: 800 }, createRandom(20261123));
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    expect(JSON.stringify(seed(1, 50).events)).not.toBe(JSON.stringify(seed(2, 50).events));
  });

  it('refuses impossible sizes', () => {
    expect(() => generateSeed({ branches: 0, complaints: 10 }, createRandom(1))).toThrow(RangeError);
    expect(() => generateSeed({ branches: 1, complaints: -1 }, createRandom(1))).toThrow(RangeError);
    expect(generateSeed({ branches: 2, complaints: 0 }, createRandom(1)).events).toEqual([]);
  });
});
