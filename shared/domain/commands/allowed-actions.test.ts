import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../policy/policy';
import { createDesk, minimalInput, OTHER_STAFF, STAFF, walk, WALKERS, type Desk } from '../testing';
import { ACTION_NAMES, allowedActions, COMMAND_INPUTS, COMMANDS, whyNot } from './index';

/** For every walker and action on the desk's current complaint: offered ⇔ the minimal valid input is accepted. */
function expectOfferedMatchesAccepted(desk: Desk): void {
  const moment = { now: desk.now, calendar: desk.calendar };
  for (const actor of WALKERS) {
    const offered = allowedActions(desk.state, actor, desk.policy, moment);
    // Without the moment only the time-dependent gate (closing as unreachable) may answer more generously.
    const offeredUntimed = allowedActions(desk.state, actor, desk.policy);
    expect(offeredUntimed.filter((action) => !offered.includes(action) && action !== 'close')).toEqual([]);
    expect(offered.filter((action) => !offeredUntimed.includes(action))).toEqual([]);
    for (const action of ACTION_NAMES) {
      const result = COMMANDS[action](desk.state, minimalInput(action, desk.state, desk.now), desk.context(actor));
      const situation = { action, actor: actor.id, status: desk.state?.status };
      // A refusal that names a field is about the input (e.g. an extension that would still end in the past):
      // the step is offered, and this input is simply not one it takes.
      if (!result.ok && result.error.path !== undefined && offered.includes(action)) continue;
      expect({ ...situation, offered: offered.includes(action) }).toEqual({ ...situation, offered: result.ok });
      // A refused action explains itself with the same reason the command gives.
      if (!result.ok) expect(whyNot(action, desk.state, actor, desk.policy, moment)).toEqual(result.error);
    }
  }
}

const walkSteps = fc.array(fc.record({ actor: fc.nat(2), pick: fc.nat(100), variant: fc.nat(20), hours: fc.integer({ min: 0, max: 40 }) }), {
  maxLength: 40,
});

describe('allowedActions', () => {
  it('offers only registration before a complaint exists', () => {
    expect(allowedActions(undefined, STAFF, DEFAULT_POLICY)).toEqual(['register']);
  });

  it('agrees with the commands on every state a random walk through the workflow reaches', () => {
    fc.assert(
      fc.property(walkSteps, (steps) => walk(createDesk(), steps, expectOfferedMatchesAccepted)),
      { numRuns: 150 },
    );
  });

  it('offers a staff member nothing on a complaint someone else holds', () => {
    const desk = createDesk();
    desk.run('register', minimalInput('register', undefined, desk.now));
    expect(allowedActions(desk.state, OTHER_STAFF, desk.policy)).toEqual([]);
    expect(allowedActions(desk.state, STAFF, desk.policy)).toEqual(expect.arrayContaining(['acknowledge', 'handOver', 'addNote', 'printRecord']));
    expect(allowedActions(desk.state, STAFF, desk.policy)).not.toContain('assess');
  });
});

describe('COMMAND_INPUTS', () => {
  it('accepts exactly what the command parses: the minimal input passes, an unknown field is refused by both', () => {
    const desk = createDesk();
    for (const action of ACTION_NAMES) {
      expect({ action, valid: COMMAND_INPUTS[action].safeParse(minimalInput(action, undefined, desk.now)).success }).toEqual({ action, valid: true });
    }
    desk.run('register', minimalInput('register', undefined, desk.now));
    const withStray = { ...(minimalInput('addNote', desk.state, desk.now) as object), stray: 1 };
    expect(COMMAND_INPUTS.addNote.safeParse(withStray).success).toBe(false);
    expect(COMMANDS.addNote(desk.state, withStray, desk.context(STAFF))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
