import { describe, expect, it } from 'vitest';
import { computeClocks } from '../../shared/deadlines/clocks';
import { addHours, createDesk, minimalInput, MONDAY_9AM, SUPERVISOR } from '../../shared/domain/testing';
import { endedClockBadgeProps } from './clockBadgeProps';

function registered() {
  const desk = createDesk();
  desk.run('register', minimalInput('register', undefined, MONDAY_9AM));
  return desk;
}

const badges = (desk: ReturnType<typeof registered>) => {
  const state = desk.state!;
  const clocks = computeClocks(state, desk.policy, desk.calendar, addHours(desk.now, 1));
  return { response: endedClockBadgeProps(clocks.response, state).state, resolution: endedClockBadgeProps(clocks.resolution, state).state };
};

describe('clocks of an ended complaint', () => {
  it('shows a voided complaint’s clocks as stopped, not resolved on time', () => {
    const desk = registered();
    desk.now = addHours(MONDAY_9AM, 1);
    expect(desk.run('void', { reason: '重复登记' }, SUPERVISOR).ok).toBe(true);
    expect(badges(desk)).toEqual({ response: 'stopped', resolution: 'stopped' });
  });

  it('keeps "met" for a step really done before the complaint ended', () => {
    const desk = registered();
    desk.now = addHours(MONDAY_9AM, 0.5);
    expect(desk.run('acknowledge', {}).ok).toBe(true);
    desk.now = addHours(MONDAY_9AM, 1);
    expect(desk.run('void', { reason: '重复登记' }, SUPERVISOR).ok).toBe(true);
    expect(badges(desk)).toEqual({ response: 'met', resolution: 'stopped' });
  });
});
