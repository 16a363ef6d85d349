import { describe, expect, it } from 'vitest';
import { backupsToKeep, type StoredBackup } from './rotation';

const KEEP = { daily: 7, weekly: 4, monthly: 12 };
const ZONE = 'Asia/Shanghai';

/** One backup a day at 02:00 UTC (10:00 in Shanghai) for `days` days ending on 2026-12-31. */
function daily(days: number): StoredBackup[] {
  const end = Date.parse('2026-12-31T02:00:00Z');
  return Array.from({ length: days }, (_, index) => {
    const createdAt = new Date(end - index * 86_400_000).toISOString();
    return { name: `b-${createdAt.slice(0, 10)}`, createdAt };
  });
}

describe('backup rotation', () => {
  it('keeps a year of daily backups down to 7 days, 4 weeks and 12 months', () => {
    const kept = [...backupsToKeep(daily(400), KEEP, ZONE)].sort();
    // The last 7 days, the Sundays' backups that end the 4 newest weeks, the last day of each of 12 months.
    expect(kept).toContain('b-2026-12-31');
    expect(kept).toContain('b-2026-12-25');
    expect(kept).not.toContain('b-2026-12-24');
    expect(kept).toContain('b-2026-12-20'); // Sunday: newest of the week of 14 December
    expect(kept).toContain('b-2026-12-13');
    expect(kept).not.toContain('b-2026-12-06'); // a fifth week back
    expect(kept).toContain('b-2026-11-30');
    expect(kept).toContain('b-2026-01-31');
    expect(kept).not.toContain('b-2025-12-31'); // a thirteenth month back
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
  });

  it('keeps only the newest of several backups taken the same day', () => {
    const sameDay = [
      { name: 'morning', createdAt: '2026-06-01T01:00:00Z' },
      { name: 'evening', createdAt: '2026-06-01T12:00:00Z' },
    ];
    expect([...backupsToKeep(sameDay, KEEP, ZONE)]).toEqual(['evening']);
  });

  it('counts days in the branch’s time zone, not UTC', () => {
    // 23:30 UTC on 1 June is 07:30 on 2 June in Shanghai: two different local days, both kept.
    const backups = [
      { name: 'late-utc', createdAt: '2026-06-01T23:30:00Z' },
      { name: 'early-utc', createdAt: '2026-06-01T00:30:00Z' },
    ];
    expect(backupsToKeep(backups, KEEP, ZONE)).toEqual(new Set(['late-utc', 'early-utc']));
    expect(backupsToKeep(backups, KEEP, 'UTC')).toEqual(new Set(['late-utc']));
  });

  it('always keeps the newest backup, and nothing when there is none', () => {
    expect(backupsToKeep([], KEEP, ZONE).size).toBe(0);
    expect(backupsToKeep(daily(3), { daily: 1, weekly: 0, monthly: 0 }, ZONE)).toEqual(new Set(['b-2026-12-31']));
  });
});

describe('backup rotation of backups taken in the same instant', () => {
  it('keeps the later name', () => {
    const at = '2026-06-01T01:00:00Z';
    expect([...backupsToKeep([{ name: 'x-100000', createdAt: at }, { name: 'x-100000-2', createdAt: at }], KEEP, ZONE)]).toEqual(['x-100000-2']);
  });
});
