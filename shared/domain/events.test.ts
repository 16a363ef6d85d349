import { describe, expect, it } from 'vitest';
import { BranchCodeSchema } from '../brand';
import { COMMANDS } from './commands';
import { EVENT_TYPES, EVENT_VERSIONS, parseEvent, stampEvents, type DomainEvent } from './events';
import { applyEvent } from './reducer';
import { addHours, ADMIN, createDesk, handleEverything, minimalInput, SUPERVISOR } from './testing';

/** Every event type, as commands write them, through JSON (as the journal and sync batches carry them). */
function everyEventType(): DomainEvent[] {
  const desk = createDesk();
  handleEverything(desk);
  const rejected = createDesk({ firstSeq: 1000 });
  rejected.run('register', minimalInput('register', undefined, rejected.now));
  rejected.run('reject', { reason: 'in_arbitration_or_court', text: '已进入仲裁' }, SUPERVISOR);
  const voided = createDesk({ firstSeq: 2000 });
  voided.run('register', minimalInput('register', undefined, voided.now));
  voided.run('void', { reason: '重复录入' }, SUPERVISOR);
  // Past the retention period (three years), an admin removes its personal data.
  voided.now = addHours(voided.now, 24 * 365 * 4);
  voided.run('anonymise', { endedBefore: addHours(voided.now, -24 * 365 * 3 - 24) }, ADMIN);
  return [...desk.events, ...rejected.events, ...voided.events];
}

const asJson = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('parseEvent', () => {
  const events = everyEventType();

  it('reads back every event type the commands write, unchanged', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    for (const event of events) expect(parseEvent(asJson(event))).toEqual({ ok: true, value: event });
  });

  const acknowledged = asJson(events.find((e) => e.type === 'Acknowledged'));

  it('refuses an event type it does not know, naming it', () => {
    const result = parseEvent({ ...acknowledged, type: 'ComplaintTeleported' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_event_type', path: 'type', params: { type: 'ComplaintTeleported' } } });
    expect(parseEvent({ ...acknowledged, type: 'toString' })).toMatchObject({ ok: false, error: { code: 'unknown_event_type' } });
  });

  it('refuses a schema version newer than this build reads, rather than guessing', () => {
    const result = parseEvent({ ...acknowledged, v: EVENT_VERSIONS.Acknowledged + 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_event_version', path: 'v', params: { type: 'Acknowledged', v: 2, supported: 1 } } });
  });

  it.each([
    ['no version', { v: undefined }, 'v'],
    ['version 0', { v: 0 }, 'v'],
    ['fractional version', { v: 1.5 }, 'v'],
    ['seq 0', { seq: 0 }, 'seq'],
    ['local time instead of UTC', { at: '2026-11-23T09:00:00+08:00' }, 'at'],
    ['lower-case branch', { branch: 'sh01' }, 'branch'],
    ['empty actor', { actor: '' }, 'actor'],
    ['an extra envelope field', { hostname: 'pc-1' }, ''],
  ])('refuses %s with the field named', (_label, change, path) => {
    const result = parseEvent({ ...acknowledged, ...change });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_event', path } });
  });

  it('names the bad payload field by its path', () => {
    const resolved = asJson(events.find((e) => e.type === 'Resolved'));
    const payload = { ...(resolved.payload as object), communicatedBy: 'carrier_pigeon' };
    expect(parseEvent({ ...resolved, payload })).toMatchObject({ ok: false, error: { code: 'invalid_event', path: 'payload.communicatedBy' } });
    const followedUp = asJson(events.find((e) => e.type === 'FollowedUp'));
    const tooHappy = { ...(followedUp.payload as object), satisfaction: 6 };
    expect(parseEvent({ ...followedUp, payload: tooHappy })).toMatchObject({ ok: false, error: { path: 'payload.satisfaction' } });
  });

  it('refuses a payload field this version does not know instead of dropping it', () => {
    expect(parseEvent({ ...acknowledged, payload: { by: 'phone' } })).toMatchObject({ ok: false, error: { code: 'invalid_event', path: 'payload' } });
  });

  describe('an InvestigationRecorded line written before v2', () => {
    const v1 = {
      id: 'e-7',
      complaintId: 'c-1',
      branch: 'SH01',
      seq: 7,
      type: 'InvestigationRecorded',
      at: '2026-11-23T04:00:00.000Z',
      actor: 'u-li',
      v: 1,
      payload: { findings: '临期商品未下架', rootCause: '巡检缺失', interviewed: ['店员小陈'] },
    };

    it('is read as v2: the department was not found unable to resolve it alone', () => {
      expect(EVENT_VERSIONS.InvestigationRecorded).toBe(2);
      expect(parseEvent(v1)).toEqual({ ok: true, value: { ...v1, v: 2, payload: { ...v1.payload, cannotResolveAlone: false } } });
    });

    it('still folds into the complaint it belongs to', () => {
      const desk = createDesk();
      desk.run('register', minimalInput('register', undefined, desk.now));
      desk.run('acknowledge', {});
      const registered = desk.events[0] as DomainEvent;
      const line = { ...v1, complaintId: registered.complaintId, seq: 3 };
      const parsed = parseEvent(line);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const state = applyEvent(desk.state, parsed.value);
      expect(state).toMatchObject({ status: 'investigating', tier: 'T1', investigation: { findings: '临期商品未下架', cannotResolveAlone: false, atTier: 'T1' } });
    });

    it('refuses the new field at v1 and its absence at v2, naming it', () => {
      const early = parseEvent({ ...v1, payload: { ...v1.payload, cannotResolveAlone: true } });
      expect(early).toMatchObject({ ok: false, error: { code: 'invalid_event', path: 'payload' } });
      const incomplete = parseEvent({ ...v1, v: 2 });
      expect(incomplete).toMatchObject({ ok: false, error: { code: 'invalid_event', path: 'payload.cannotResolveAlone' } });
      const badV1 = parseEvent({ ...v1, payload: { ...v1.payload, findings: '' } });
      expect(badV1).toMatchObject({ ok: false, error: { code: 'invalid_event', path: 'payload.findings' } });
    });

    it('refuses v3, written by a newer build', () => {
      expect(parseEvent({ ...v1, v: 3, payload: { ...v1.payload, cannotResolveAlone: false } })).toMatchObject({
        ok: false,
        error: { code: 'unsupported_event_version', path: 'v', params: { type: 'InvestigationRecorded', v: 3, supported: 2 } },
      });
    });
  });

  it('refuses things that are not events at all', () => {
    for (const junk of [null, 42, 'Registered', [], { type: 7 }]) {
      expect(parseEvent(junk)).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
    }
  });
});

describe('stampEvents', () => {
  it('places one command\'s drafts at consecutive positions of the branch log', () => {
    const desk = createDesk();
    desk.run('register', minimalInput('register', undefined, desk.now));
    const assessed = COMMANDS.assess(desk.state, { validity: 'liable', severity: 'high', urgency: 'high', spread: 'many', flags: ['media', 'legal'] }, desk.context(SUPERVISOR));
    if (!assessed.ok) throw new Error(assessed.error.message);
    const stamped = stampEvents(assessed.value, { branch: BranchCodeSchema.parse('BJ02'), firstSeq: 41 });
    expect(stamped.map((e) => [e.type, e.branch, e.seq])).toEqual([
      ['Assessed', 'BJ02', 41],
      ['Escalated', 'BJ02', 42],
      ['Escalated', 'BJ02', 43],
    ]);
    for (const event of stamped) expect(parseEvent(asJson(event)).ok).toBe(true);
  });
});
