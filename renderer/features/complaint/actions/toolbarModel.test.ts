import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions } from '../../../../shared/domain/commands';
import { UserIdSchema } from '../../../../shared/brand';
import type { Actor } from '../../../../shared/domain/commands';
import { createDesk, deskAfter, minimalInput, STAFF, SUPERVISOR, walk, WALKERS, type Desk } from '../../../../shared/domain/testing';
import { actionForShortcut, SHORTCUT_KEYS, toolbarLayout, type ToolbarLayout } from './toolbarModel';

const offered = (layout: ToolbarLayout) => [...(layout.primary ? [layout.primary] : []), ...layout.inline, ...layout.more];
// Evidence and printing have their own panels; anonymising is done for many records at once in Settings, by main.
const ELSEWHERE = ['register', 'attachEvidence', 'printRecord', 'anonymise'];
const ADMIN: Actor = { id: UserIdSchema.parse('u-admin'), role: 'admin' };

function expectToolbarMatchesAllowed(desk: Desk): void {
  const state = desk.state;
  if (!state) return;
  for (const actor of [...WALKERS, ADMIN]) {
    const allowed = allowedActions(state, actor, desk.policy);
    const layout = toolbarLayout(state, allowed);
    const shown = offered(layout);
    // Exactly what the domain allows (less what the evidence panel and print actions offer), each once.
    expect([...shown].sort()).toEqual(allowed.filter((action) => !ELSEWHERE.includes(action)).sort());
    // Every shown step has its own shortcut, and the shortcut opens that step.
    for (const action of shown) expect(actionForShortcut(layout, SHORTCUT_KEYS[action])).toBe(action);
  }
}

describe('toolbarLayout', () => {
  it('offers each role (staff holding it, other staff, supervisor, admin) exactly the allowed actions on every state a random walk reaches', () => {
    const steps = fc.array(fc.record({ actor: fc.nat(2), pick: fc.nat(100), variant: fc.nat(20), hours: fc.integer({ min: 0, max: 40 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(steps, (walkSteps) => walk(createDesk(), walkSteps, expectToolbarMatchesAllowed)),
      { numRuns: 100 },
    );
  });

  it('emphasises Acknowledge on a registered complaint and keeps it out of "More"', () => {
    const desk = deskAfter([['register']]);
    const layout = toolbarLayout(desk.state!, allowedActions(desk.state, STAFF, desk.policy));
    expect(layout.primary).toBe('acknowledge');
    expect(layout.more).not.toContain('acknowledge');
    expect(layout.inline).not.toContain('assess'); // staff may not grade
  });

  it('shows a supervisor the frequent steps beside the next one, the rest under "More"', () => {
    const desk = deskAfter([['register'], ['acknowledge']]);
    const layout = toolbarLayout(desk.state!, allowedActions(desk.state, SUPERVISOR, desk.policy));
    expect(layout.primary).toBe('recordInvestigation');
    expect(layout.inline).toEqual(['addNote', 'escalate', 'assess', 'assign']);
    expect(layout.more).toEqual(expect.arrayContaining(['proposeResolution', 'pause', 'extend', 'reject', 'void']));
  });

  it('offers nothing and opens nothing by shortcut once the complaint is voided', () => {
    const desk = deskAfter([['register'], ['void', minimalInput('void', undefined, ''), SUPERVISOR]]);
    const layout = toolbarLayout(desk.state!, allowedActions(desk.state, SUPERVISOR, desk.policy));
    expect(offered(layout)).toEqual([]);
    expect(actionForShortcut(layout, 'A')).toBeUndefined();
  });
});
