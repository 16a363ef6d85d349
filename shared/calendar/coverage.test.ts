import { describe, expect, it } from 'vitest';
import cn2026Json from '../../resources/calendars/cn-2026.json';
import cn2027Json from '../../resources/calendars/cn-2027.provisional.json';
import { DEFAULT_POLICY, type Policy } from '../policy/policy';
import { computeClocks } from '../deadlines/clocks';
import { createDesk, minimalInput } from '../domain/testing';
import { AROUND_THE_CLOCK, compileCalendar, parseCalendar } from './calendar';
import { calendarCoverage, extendWithYear } from './coverage';
import { dayNumberOf } from './dates';
import { CN_2026_CALENDAR, CN_CALENDAR } from './defaults';
import { CalendarDocSchema, YearSupplementSchema } from './schema';

const working = (date: string): boolean => CN_CALENDAR.isWorkingDay(dayNumberOf(date) ?? 0);
const doc2026 = CalendarDocSchema.parse(cn2026Json);
const supplement2027 = YearSupplementSchema.parse(cn2027Json);

describe('the shipped calendar runs through 2027, provisional from 2027-01-01', () => {
  it('says where it ends', () => {
    expect(calendarCoverage(CN_CALENDAR)).toEqual({ through: '2027-12-31', provisionalFrom: '2027-01-01' });
    expect(CN_2026_CALENDAR).toBe(CN_CALENDAR);
    expect(CN_CALENDAR.id).toBe(DEFAULT_POLICY.calendarId);
    expect(calendarCoverage({ doc: doc2026 })).toEqual({ through: '2026-12-31', provisionalFrom: undefined });
  });

  // The statutory days of the regulation (2024 revision); lunar dates and 清明 checked against published almanacs.
  it.each([
    ['2027-01-01', '元旦'],
    ['2027-02-05', '除夕 (春节, 4 days from New Year’s Eve)'],
    ['2027-02-08', '正月初三, the last of the four'],
    ['2027-04-05', '清明 (solar term)'],
    ['2027-05-01', '劳动节'],
    ['2027-05-02', '劳动节'],
    ['2027-06-09', '端午 (lunar 5/5)'],
    ['2027-09-15', '中秋 (lunar 8/15)'],
    ['2027-10-01', '国庆'],
    ['2027-10-03', '国庆'],
  ])('%s is off: %s', (date) => {
    expect(working(date)).toBe(false);
  });

  it.each([
    ['2027-02-04', 'the Thursday before 除夕'],
    ['2027-02-09', '初四: no bridging days before the notice'],
    ['2027-04-06', 'the day after 清明'],
    ['2027-06-10', 'the day after 端午'],
    ['2027-09-16', 'the day after 中秋'],
    ['2027-10-04', 'Monday after 国庆: no bridging days before the notice'],
  ])('%s is a working day: %s', (date) => {
    expect(working(date)).toBe(true);
  });

  it('has no 调休 make-up day in 2027 yet (provisional), so weekends stay off', () => {
    expect(supplement2027.makeUpWorkdays).toEqual([]);
    expect(supplement2027.provisional).toBe(true);
    expect(working('2027-02-20')).toBe(false); // a Saturday
  });
});

describe('calendarCoverage and extendWithYear', () => {
  const base = {
    id: 'x',
    name: 'x',
    timeZone: 'Asia/Shanghai',
    workingHours: [{ start: '09:00', end: '18:00' }],
    workingWeekdays: [1, 2, 3, 4, 5],
  };

  it.each([
    ['a weekly calendar with no days listed never runs out', {}, { through: undefined, provisionalFrom: undefined }],
    ['without coverage: the end of the latest year listed', { holidays: ['2025-10-01', '2026-05-01'] }, { through: '2026-12-31', provisionalFrom: undefined }],
    ['a make-up day counts as listed', { makeUpWorkdays: ['2028-01-08'] }, { through: '2028-12-31', provisionalFrom: undefined }],
    ['declared coverage wins', { holidays: ['2026-05-01'], coverage: { through: '2027-06-30', provisionalFrom: '2027-01-01' } }, { through: '2027-06-30', provisionalFrom: '2027-01-01' }],
  ])('%s', (_label, extra, coverage) => {
    expect(calendarCoverage({ doc: CalendarDocSchema.parse({ ...base, ...extra }) })).toEqual(coverage);
  });

  it('the around-the-clock calendar never runs out', () => {
    expect(AROUND_THE_CLOCK.coveredUntilMs).toBe(Infinity);
    expect(CN_CALENDAR.coveredUntilMs).toBe(Date.parse('2027-12-31T16:00:00.000Z')); // 2028-01-01 00:00 Shanghai
  });

  it.each([
    ['a holiday after `through`', { holidays: ['2027-01-01'], coverage: { through: '2026-12-31' } }, 'holidays.0'],
    ['a make-up day after `through`', { makeUpWorkdays: ['2027-01-02'], coverage: { through: '2026-12-31' } }, 'makeUpWorkdays.0'],
    ['provisional from after the end', { coverage: { through: '2026-12-31', provisionalFrom: '2027-01-01' } }, 'coverage.provisionalFrom'],
    ['not a date', { coverage: { through: '2026-13-01' } }, 'coverage.through'],
  ])('refuses %s', (_label, extra, path) => {
    const parsed = parseCalendar({ ...base, ...extra });
    expect(parsed.ok ? undefined : parsed.error).toMatchObject({ code: 'invalid_calendar', path });
  });

  it('adds only the year right after the covered period', () => {
    const skipped = extendWithYear(doc2026, { ...supplement2027, year: 2028, holidays: [], makeUpWorkdays: [] });
    expect(skipped.ok ? undefined : skipped.error).toMatchObject({ code: 'invalid_calendar', path: 'year', message: expect.stringContaining('covers through 2026-12-31; it cannot take the holidays of 2028') });
    const twice = extendWithYear(CN_CALENDAR.doc, supplement2027);
    expect(twice.ok).toBe(false);
    const weekly = extendWithYear(CalendarDocSchema.parse(base), supplement2027);
    expect(weekly.ok).toBe(false);
  });

  it('keeps an earlier provisional start, and a final year is not provisional', () => {
    const final = extendWithYear(doc2026, { ...supplement2027, provisional: false });
    expect(final.ok && final.value.coverage).toEqual({ through: '2027-12-31' });
    const next = extendWithYear(CN_CALENDAR.doc, { year: 2028, provisional: true, source: 't', holidays: ['2028-01-01'], makeUpWorkdays: [] });
    expect(next.ok && next.value.coverage).toEqual({ through: '2028-12-31', provisionalFrom: '2027-01-01' });
  });

  it('refuses a supplement with a date outside its year', () => {
    expect(YearSupplementSchema.safeParse({ ...supplement2027, holidays: [{ from: '2027-12-31', to: '2028-01-02' }] }).success).toBe(false);
    expect(YearSupplementSchema.safeParse({ ...supplement2027, makeUpWorkdays: ['2026-12-31'] }).success).toBe(false);
  });
});

describe('clocks computed past the calendar’s end are marked', () => {
  const working: Policy = { ...DEFAULT_POLICY, grades: { ...DEFAULT_POLICY.grades, '4': { respondHours: 8, resolveHours: 400, clock: 'working_time' } } };
  const registeredAt = (receivedAt: string) => {
    const desk = createDesk({ now: receivedAt });
    desk.run('register', minimalInput('register', undefined, receivedAt));
    return { ...desk.state!, grade: 4 as const };
  };

  it('a working-time deadline in 2028 is beyondCalendar; one inside 2027 is not', () => {
    const late = computeClocks(registeredAt('2027-12-01T01:00:00.000Z'), working, CN_CALENDAR, '2027-12-01T02:00:00.000Z');
    expect(late.resolution).toMatchObject({ mode: 'working_time', beyondCalendar: true });
    expect(Date.parse(late.resolution.deadline)).toBeGreaterThan(Date.parse('2027-12-31T16:00:00.000Z'));
    expect(late.response).toMatchObject({ beyondCalendar: false });
    const early = computeClocks(registeredAt('2027-06-01T01:00:00.000Z'), working, CN_CALENDAR, '2027-06-01T02:00:00.000Z');
    expect(early.resolution.beyondCalendar).toBe(false);
  });

  it('an around-the-clock clock does not depend on the calendar', () => {
    const clocks = computeClocks(registeredAt('2027-12-30T01:00:00.000Z'), DEFAULT_POLICY, CN_CALENDAR, '2027-12-30T02:00:00.000Z');
    expect(clocks.resolution).toMatchObject({ mode: 'around_the_clock', beyondCalendar: false });
  });

  it('an extension counted in working days past the calendar’s end marks the clock it sets, even around the clock', () => {
    const state = registeredAt('2027-12-20T01:00:00.000Z');
    const extended = (newDeadline: string) => ({ ...state, extension: { newDeadline, reason: '等待检测报告', approvedBy: state.receivedBy, at: '2027-12-21T01:00:00.000Z' } });
    const late = computeClocks(extended('2028-01-05T10:00:00.000Z'), DEFAULT_POLICY, CN_CALENDAR, '2027-12-21T02:00:00.000Z');
    expect(late.resolution).toMatchObject({ mode: 'around_the_clock', deadline: '2028-01-05T10:00:00.000Z', beyondCalendar: true });
    const inside = computeClocks(extended('2027-12-28T10:00:00.000Z'), DEFAULT_POLICY, CN_CALENDAR, '2027-12-21T02:00:00.000Z');
    expect(inside.resolution.beyondCalendar).toBe(false);
  });

  it('a calendar that ended in 2026 marks a 2027 working-time deadline', () => {
    const only2026 = compileCalendar(doc2026);
    const clocks = computeClocks(registeredAt('2026-12-30T01:00:00.000Z'), working, only2026, '2026-12-30T02:00:00.000Z');
    expect(clocks.resolution.beyondCalendar).toBe(true);
  });
});
