import { describe, expect, it } from 'vitest';
import { auditPerson, auditTable, describeAuditEntry, formatBytes } from './describe';
import type { AuditEntry } from './entries';

const ZONE = 'Asia/Shanghai';
const at = '2026-11-23T02:00:00.000Z';
const admin = { v: 1, at, userId: 'u-1', username: 'admin', role: 'admin' } as const;

const exported: AuditEntry = {
  ...admin,
  kind: 'export',
  format: 'xlsx',
  delivery: 'download',
  language: 'zh-CN',
  complaintCount: 12,
  filter: { status: 'open', overdue: true },
  personalDataMasked: true,
  fileName: '投诉登记簿-SH01-20261123.xlsx',
};
const scheduled: AuditEntry = { v: 1, at, kind: 'backup', trigger: 'schedule', ok: false, folder: 'E:\\backups', verified: false, failure: 'folder_missing' };

describe('audit lines in words', () => {
  it('says what an export held: format, rows, masking, the filter and the file', () => {
    expect(describeAuditEntry(exported, 'en', ZONE)).toBe('XLSX · 12 rows · personal data masked · filter: status=open, overdue=true · file: 投诉登记簿-SH01-20261123.xlsx');
    expect(describeAuditEntry(exported, 'zh-CN', ZONE)).toBe('XLSX · 12 条 · 个人信息已遮蔽 · 筛选：status=open, overdue=true · 文件：投诉登记簿-SH01-20261123.xlsx');
  });

  it('names the app as the one who ran a scheduled backup, and why it failed', () => {
    expect(auditPerson(scheduled, 'zh-CN')).toBe('系统');
    expect(describeAuditEntry(scheduled, 'en', ZONE)).toBe('scheduled · failed: backup folder missing (USB stick not plugged in?) · E:\\backups');
  });

  it('makes a CSV table in the branch’s local time', () => {
    expect(auditTable([exported, scheduled], 'en', ZONE)).toMatchObject({
      header: ['Time', 'Kind', 'Person', 'Role', 'What'],
      rows: [
        ['2026-11-23 10:00', 'Register export', 'admin', 'Admin', expect.stringContaining('12 rows')],
        ['2026-11-23 10:00', 'Backup', 'System', '', expect.stringContaining('failed')],
      ],
    });
  });

  it('says which period a report covered, how it was delivered and how many complaints it held', () => {
    const report: AuditEntry = { ...admin, kind: 'report', period: { kind: 'quarter', start: '2026-10-01' }, format: 'pdf', delivery: 'saved', language: 'zh-CN', complaintCount: 76, fileName: '上海徐汇店 客户投诉季度报告 2026年第4季度.pdf', path: 'D:\\报告\\x.pdf' };
    expect(describeAuditEntry(report, 'zh-CN', ZONE)).toBe('2026年第4季度 · 已保存 · 投诉 76 件 · 文件：上海徐汇店 客户投诉季度报告 2026年第4季度.pdf');
    expect(describeAuditEntry({ ...report, period: { kind: 'month', start: '2026-11-01' }, delivery: 'preview', format: 'html' }, 'en', ZONE)).toMatch(/^November 2026 · print preview · 76 complaints/);
  });

  it('shows sizes as a file manager does', () => {
    expect([formatBytes(900), formatBytes(1536), formatBytes(25 * 1024 * 1024)]).toEqual(['900 B', '1.5 KB', '25 MB']);
  });
});
