import { describe, expect, it } from 'vitest';
import { createDesk, handleEverything } from '../domain/testing';
import { parseEvent, type DomainEvent } from '../domain/events';
import { apiContract, JOURNAL_PAGE_MAX } from './contract';
import { EVIDENCE_MAX_BYTES, base64Length } from './evidence';
import { API_SHAPE_LIMITS, checkShape } from './shape';

/** The biggest event the workflow writes, with its strings and lists filled the way a busy counter would. */
function biggestRealEvent(): DomainEvent {
  const desk = createDesk();
  handleEverything(desk);
  const size = (event: DomainEvent) => JSON.stringify(event).length;
  const registered = desk.events.find((event) => event.type === 'Registered');
  if (!registered || registered.type !== 'Registered') throw new Error('the walk registers a complaint first');
  const evidence = Array.from({ length: 20 }, (_, index) => ({ hash: index.toString(16).padStart(64, '0'), name: `照片${index}.jpg`, mime: 'image/jpeg', size: 2_000_000 }));
  const full = {
    ...registered,
    payload: {
      ...registered.payload,
      complainant: { name: '王芳', phone: '13812345678', email: 'wang@example.com', address: '北京市朝阳区', customerNumber: 'M-0001' },
      incident: { at: registered.at, place: '二楼生鲜区', staffMember: '李娜', department: '生鲜部', product: '牛奶', orderNumber: 'SO-1' },
      requests: ['refund', 'apology', 'compensation'],
      requestText: '退款并赔偿',
      requestedAmount: 200,
      evidence,
    },
  };
  const parsed = parseEvent(full);
  if (!parsed.ok) throw new Error(`fixture: ${parsed.error.message}`);
  expect(size(parsed.value)).toBeGreaterThan(Math.max(...desk.events.map(size)));
  return parsed.value;
}

describe('checkShape', () => {
  it('admits the biggest real calls: a registration with every field and 20 files, a full journal page, a 20 MB evidence file', () => {
    const event = biggestRealEvent();
    const step = { requestId: 'biggest-step', action: 'register', input: event.payload };
    expect(checkShape(step)).toBeUndefined();
    // The renderer parses main's answers with the same limits in mind: a whole page of the biggest events.
    const events = Array.from({ length: JOURNAL_PAGE_MAX }, (_, index) => ({ ...event, id: `ev-${index}`, seq: index + 1 }));
    expect(checkShape(events)).toBeUndefined();
    const page = apiContract['journal.read'].output.safeParse({ events: JSON.stringify(events), lastSeq: JOURNAL_PAGE_MAX });
    expect(page.success && page.data.events).toHaveLength(JOURNAL_PAGE_MAX);
    // A page that is not JSON, not a list, or holds an event the domain refuses is refused whole.
    const output = apiContract['journal.read'].output;
    expect(output.safeParse({ events: '[{"id":', lastSeq: 1 }).success).toBe(false);
    expect(output.safeParse({ events: JSON.stringify(events[0]), lastSeq: 1 }).success).toBe(false);
    expect(output.safeParse({ events: JSON.stringify([events[0], { ...events[1], type: 'Invented' }]), lastSeq: 2 }).success).toBe(false);
    // The same page as the list an HTTP answer holds (json-text.ts): read as the text was, refused as it was.
    expect(output.safeParse({ events, lastSeq: JOURNAL_PAGE_MAX })).toMatchObject({ success: true, data: { events: { length: JOURNAL_PAGE_MAX } } });
    expect(output.safeParse({ events: [events[0], { ...events[1], type: 'Invented' }], lastSeq: 2 }).success).toBe(false);
    // 141 values an event here, 705 002 in the page: the node limit (1 million) is not much more than this needs.
    const evidence = { name: '录音.m4a', mime: 'audio/mp4', dataBase64: 'A'.repeat(base64Length(EVIDENCE_MAX_BYTES)) };
    expect(checkShape(evidence)).toBeUndefined();
    expect(checkShape(new Uint8Array(EVIDENCE_MAX_BYTES))).toBeUndefined();
  });

  it('refuses 3 million empty objects at once, naming the array and the limit', () => {
    const absurd = { events: Array.from({ length: 3_000_000 }, () => ({})) };
    // Well under a millisecond here: the array's length is looked at before any element.
    expect(checkShape(absurd)).toEqual({
      code: 'payload_too_complex',
      message: 'The request is too complex: more than 10000 (array length) at events.',
      path: 'events',
      params: { limit: 'array_length', max: API_SHAPE_LIMITS.maxArrayLength },
    });
  });

  it('refuses one huge list nested inside an otherwise normal event (zod took ~10 s on 300 000 of them)', () => {
    const event = { ...biggestRealEvent(), payload: { evidence: Array.from({ length: 300_000 }, () => ({})) } };
    expect(checkShape({ events: [event] })).toMatchObject({ code: 'payload_too_complex', path: 'events.0.payload.evidence', params: { limit: 'array_length' } });
  });

  it('refuses an object with too many keys, too deep a nesting, and too many values in all', () => {
    const prefs = Object.fromEntries(Array.from({ length: 300_000 }, (_, index) => [`k${index}`, 1]));
    expect(checkShape({ prefs })).toMatchObject({ path: 'prefs', params: { limit: 'object_keys', max: 1_000 } });

    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(checkShape({ events: deep })).toMatchObject({ params: { limit: 'depth', max: 32 } });

    const wide = { events: Array.from({ length: 500 }, () => ({ payload: Array.from({ length: 5_000 }, () => 0) })) };
    expect(checkShape(wide)).toMatchObject({ code: 'payload_too_complex', params: { limit: 'nodes', max: 1_000_000 } });
  });

  it('takes plain values as they are', () => {
    for (const value of [undefined, null, 0, 'text', true, {}, []]) expect(checkShape(value)).toBeUndefined();
  });
});
