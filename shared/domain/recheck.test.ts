import { describe, expect, it } from 'vitest';
import { generateSeed } from '../seed/generator';
import { createRandom } from '../seed/random';
import type { DomainEvent } from './events';
import { recheckEvent } from './recheck';
import { applyEvent } from './reducer';
import type { ComplaintState } from './state';
import { createDesk, deskAfter, handleEverything, MONDAY_9AM, SUPERVISOR } from './testing';

/** Every event of `events` rechecked on the state folded so far: the first refusal's code, or 'accepted'. */
function recheckAll(events: readonly DomainEvent[]): string {
  const states = new Map<string, ComplaintState>();
  for (const event of events) {
    const refusal = recheckEvent(states.get(event.complaintId), event);
    if (refusal) return refusal.code;
    states.set(event.complaintId, applyEvent(states.get(event.complaintId), event));
  }
  return 'accepted';
}

describe('recheckEvent: head office re-judges what it can know from the record', () => {
  it('accepts every event the commands produce: the whole workflow and a generated branch', () => {
    const desk = createDesk();
    handleEverything(desk);
    expect(recheckAll(desk.events)).toBe('accepted');
    const seed = generateSeed({ branches: 2, complaints: 400, now: MONDAY_9AM, days: 60 }, createRandom(7));
    expect(recheckAll(seed.events)).toBe('accepted');
  });

  it('refuses events that cannot follow the record, naming the rule', () => {
    const registered = deskAfter([['register']]);
    const [registration] = registered.events as [DomainEvent];
    const voided = deskAfter([['register'], ['void', undefined, SUPERVISOR]]);
    const paused = deskAfter([['register'], ['acknowledge'], ['pause'], ['resume']]);
    const resumed = paused.events.at(-1) as DomainEvent;
    const note = deskAfter([['register'], ['addNote']]).events.at(-1) as DomainEvent;

    expect(recheckAll([note])).toBe('complaint_not_found');
    if (registration.type !== 'Registered') throw new Error('a desk starts with its registration');
    expect(recheckAll([{ ...registration, payload: { ...registration.payload, number: 'BJ02-20261123-0001' } }])).toBe('invalid_complaint_number');
    expect(recheckAll([registration, { ...registration, seq: 2 }])).toBe('already_registered');
    expect(recheckAll([...voided.events, { ...note, seq: 3 }])).toBe('complaint_closed');
    expect(recheckAll([...paused.events, { ...resumed, seq: resumed.seq + 1 }])).toBe('not_paused');
  });
});
