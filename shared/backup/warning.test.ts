import { describe, expect, it } from 'vitest';
import type { BackupRecord } from '../api/backup';
import { backupWarning } from './warning';

const good: BackupRecord = { at: '2026-06-01T02:00:00Z', trigger: 'schedule', ok: true, folder: '/media/usb', verified: true };
const failed: BackupRecord = { ...good, at: '2026-06-01T12:00:00Z', ok: false, verified: false, failure: 'folder_missing' };
const at = (iso: string) => new Date(iso);

describe('backup warning', () => {
  it('warns when no folder is chosen or nothing was backed up yet', () => {
    expect(backupWarning({ folder: null, last: null, lastGood: null }, at('2026-06-01T00:00:00Z'), 24)).toBe('never');
    expect(backupWarning({ folder: '/media/usb', last: null, lastGood: null }, at('2026-06-01T00:00:00Z'), 24)).toBe('never');
  });

  it('warns when the last backup failed, even if an older one was good', () => {
    expect(backupWarning({ folder: '/media/usb', last: failed, lastGood: good }, at('2026-06-01T13:00:00Z'), 24)).toBe('failed');
    expect(backupWarning({ folder: '/media/usb', last: failed, lastGood: null }, at('2026-06-01T13:00:00Z'), 24)).toBe('failed');
  });

  it('warns when the last good backup is older than the policy’s interval', () => {
    const state = { folder: '/media/usb', last: good, lastGood: good };
    expect(backupWarning(state, at('2026-06-02T03:00:00Z'), 24)).toBeNull();
    expect(backupWarning(state, at('2026-06-02T09:00:00Z'), 24)).toBe('overdue');
  });
});
