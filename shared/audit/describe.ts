/**
 * What an audit line says, in words, for the Settings table and the CSV export alike: the kind, and a short
 * "what" (format, rows, masked or not, the filter, the file; the backup and its check; the account and what
 * changed). Written once in both UI languages, as the domain vocabulary is (shared/i18n/vocabulary.ts).
 */
import type { Language } from '../api/schemas';
import type { BackupFailure } from '../api/backup';
import type { Table } from '../export/register';
import { VOCABULARY } from '../i18n/vocabulary';
import { formatDateTime } from '../print/text';
import { AUDIT_WORDS_ZH_TW } from '../i18n/words.zh-TW';
import { reportPeriodName } from '../report/reportWords';
import type { AuditEntry, AuditKind, ReportAuditEntry } from './entries';

interface AuditWords {
  readonly kinds: Readonly<Record<AuditKind, string>>;
  readonly system: string;
  /** Between a label and its value: full-width in Chinese. */
  readonly colon: string;
  readonly rows: (count: number) => string;
  readonly masked: string;
  readonly unmasked: string;
  readonly filter: string;
  readonly noFilter: string;
  readonly file: string;
  readonly complaint: string;
  readonly triggers: Readonly<Record<'manual' | 'schedule' | 'close', string>>;
  readonly verified: string;
  readonly failed: string;
  readonly failures: Readonly<Record<BackupFailure, string>>;
  readonly files: (count: number) => string;
  readonly events: (count: number) => string;
  readonly from: string;
  readonly backupOf: string;
  readonly signInReasons: Readonly<Record<string, string>>;
  readonly actions: Readonly<Record<'created' | 'updated' | 'password-reset' | 'own-password-changed', string>>;
  readonly active: (active: boolean) => string;
  readonly header: readonly [string, string, string, string, string];
  readonly endedBefore: string;
  readonly complaints: (count: number) => string;
  readonly deliveries: Readonly<Record<ReportAuditEntry['delivery'], string>>;
  /** The head of the CSV export's file name. */
  readonly fileName: string;
}

export const AUDIT_WORDS: Readonly<Record<Language, AuditWords>> = {
  'zh-CN': {
    kinds: {
      export: '导出登记簿',
      pdf: '记录表 PDF',
      print: '打印记录表',
      'print-preview': '打印预览',
      'audit-export': '导出审计日志',
      backup: '备份',
      restore: '从备份恢复',
      'sign-in': '登录',
      'sign-in-failed': '登录失败',
      'account-change': '账号变更',
      anonymisation: '删除个人信息（保存期限届满）',
      report: '月度/季度报告',
    },
    system: '系统',
    colon: '：',
    rows: (count) => `${count} 条`,
    masked: '个人信息已遮蔽',
    unmasked: '含完整个人信息',
    filter: '筛选',
    noFilter: '无筛选',
    file: '文件',
    complaint: '投诉',
    triggers: { manual: '手动', schedule: '定时', close: '关闭程序时' },
    verified: '已校验',
    failed: '失败',
    failures: {
      folder_missing: '备份文件夹不存在（U 盘未插入？）',
      disk_full: '备份盘已满',
      no_permission: '没有写入权限',
      verify_failed: '写入后校验不一致',
      io_error: '读写出错',
    },
    files: (count) => `${count} 个文件`,
    events: (count) => `${count} 个事件`,
    from: '来源',
    backupOf: '备份时间',
    signInReasons: { bad_credentials: '用户名或密码错误', too_many_attempts: '尝试次数过多，已暂时锁定', account_disabled: '账号已停用' },
    actions: { created: '新建账号', updated: '修改账号', 'password-reset': '重置密码', 'own-password-changed': '修改本人密码' },
    active: (active) => (active ? '启用' : '停用'),
    header: ['时间', '类别', '操作人', '角色', '内容'],
    endedBefore: '结束早于',
    complaints: (count) => `投诉 ${count} 件`,
    deliveries: { saved: '已保存', download: '已下载', printed: '已打印', preview: '打印预览' },
    fileName: '审计日志',
  },
  // The zh-CN words converted (npm run i18n:zh-tw) and, by hand, the same counts in Traditional characters.
  'zh-TW': {
    ...AUDIT_WORDS_ZH_TW,
    rows: (count) => `${count} 條`,
    files: (count) => `${count} 個檔案`,
    events: (count) => `${count} 個事件`,
    active: (active) => (active ? '啟用' : '停用'),
    complaints: (count) => `投訴 ${count} 件`,
  },
  en: {
    kinds: {
      export: 'Register export',
      pdf: 'Record sheet PDF',
      print: 'Record sheet printed',
      'print-preview': 'Print preview',
      'audit-export': 'Audit log export',
      backup: 'Backup',
      restore: 'Restore from backup',
      'sign-in': 'Sign-in',
      'sign-in-failed': 'Failed sign-in',
      'account-change': 'Account change',
      anonymisation: 'Personal data removed (retention)',
      report: 'Monthly / quarterly report',
    },
    system: 'System',
    colon: ': ',
    rows: (count) => `${count} ${count === 1 ? 'row' : 'rows'}`,
    masked: 'personal data masked',
    unmasked: 'personal data in full',
    filter: 'filter',
    noFilter: 'no filter',
    file: 'file',
    complaint: 'complaint',
    triggers: { manual: 'manual', schedule: 'scheduled', close: 'at closing' },
    verified: 'verified',
    failed: 'failed',
    failures: {
      folder_missing: 'backup folder missing (USB stick not plugged in?)',
      disk_full: 'backup disk full',
      no_permission: 'no permission to write',
      verify_failed: 'check after writing did not match',
      io_error: 'read or write error',
    },
    files: (count) => `${count} ${count === 1 ? 'file' : 'files'}`,
    events: (count) => `${count} ${count === 1 ? 'event' : 'events'}`,
    from: 'from',
    backupOf: 'backup of',
    signInReasons: { bad_credentials: 'wrong username or password', too_many_attempts: 'too many attempts, locked for a while', account_disabled: 'account deactivated' },
    actions: { created: 'account created', updated: 'account changed', 'password-reset': 'password reset', 'own-password-changed': 'own password changed' },
    active: (active) => (active ? 'active' : 'deactivated'),
    header: ['Time', 'Kind', 'Person', 'Role', 'What'],
    endedBefore: 'ended before',
    complaints: (count) => `${count} complaints`,
    deliveries: { saved: 'saved', download: 'downloaded', printed: 'printed', preview: 'print preview' },
    fileName: 'audit-log',
  },
};

/** `1.4 MB`: sizes the way a file manager shows them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit] ?? 'TB'}`;
}

const filterText = (filter: Readonly<Record<string, unknown>> | undefined, words: AuditWords): string => {
  const parts = Object.entries(filter ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return parts.length === 0 ? words.noFilter : `${words.filter}${words.colon}${parts.join(', ')}`;
};

/** The "what" of a line, in `language`. */
export function describeAuditEntry(entry: AuditEntry, language: Language, timeZone: string): string {
  const words = AUDIT_WORDS[language];
  const parts: string[] = [];
  switch (entry.kind) {
    case 'export':
      parts.push(entry.format.toUpperCase(), words.rows(entry.complaintCount), entry.personalDataMasked ? words.masked : words.unmasked, filterText(entry.filter, words));
      if (entry.fileName) parts.push(`${words.file}${words.colon}${entry.fileName}`);
      break;
    case 'pdf':
    case 'print':
    case 'print-preview':
      parts.push(`${words.complaint} ${entry.complaintNumber ?? entry.complaintId ?? ''}`.trim(), entry.personalDataMasked ? words.masked : words.unmasked);
      if (entry.fileName) parts.push(`${words.file}${words.colon}${entry.fileName}`);
      break;
    case 'audit-export':
      parts.push('CSV', words.rows(entry.rowCount), filterText(entry.filter, words));
      if (entry.fileName) parts.push(`${words.file}${words.colon}${entry.fileName}`);
      break;
    case 'backup':
      parts.push(words.triggers[entry.trigger]);
      if (entry.ok) {
        parts.push(entry.verified ? words.verified : '', entry.name ?? '', formatBytes(entry.sizeBytes ?? 0), words.files(entry.fileCount ?? 0));
      } else {
        parts.push(`${words.failed}${words.colon}${entry.failure ? words.failures[entry.failure] : ''}`);
      }
      parts.push(entry.folder);
      break;
    case 'restore':
      parts.push(`${words.from}${words.colon}${entry.from}`, `${words.backupOf} ${formatDateTime(entry.backupCreatedAt, timeZone)}`, words.events(entry.journalSeq), words.files(entry.fileCount), formatBytes(entry.sizeBytes));
      break;
    case 'sign-in':
      break;
    case 'sign-in-failed':
      parts.push(words.signInReasons[entry.reason] ?? entry.reason);
      break;
    case 'report':
      parts.push(reportPeriodName(entry.period, language), words.deliveries[entry.delivery], words.complaints(entry.complaintCount));
      if (entry.fileName) parts.push(`${words.file}${words.colon}${entry.fileName}`);
      break;
    case 'anonymisation':
      parts.push(`${words.endedBefore} ${formatDateTime(entry.endedBefore, timeZone)}`, words.complaints(entry.complaints), words.files(entry.evidenceFiles));
      break;
    case 'account-change': {
      parts.push(`${words.actions[entry.action]}${words.colon}${entry.target.username}`);
      const { role, displayName, active } = entry.changes ?? {};
      if (role) parts.push(VOCABULARY[language].role[role]);
      if (displayName) parts.push(displayName);
      if (active !== undefined) parts.push(words.active(active));
      break;
    }
  }
  return parts.filter((part) => part !== '').join(' · ');
}

/** Who acted, as the table and the CSV show it: the user name, or the app itself for scheduled work. */
export const auditPerson = (entry: AuditEntry, language: Language): string => entry.username ?? AUDIT_WORDS[language].system;

/** The audit lines as a table for the CSV export: local time, kind, person, role, what. */
export function auditTable(entries: readonly AuditEntry[], language: Language, timeZone: string): Table {
  const words = AUDIT_WORDS[language];
  return {
    header: words.header,
    rows: entries.map((entry) => [
      formatDateTime(entry.at, timeZone),
      words.kinds[entry.kind],
      auditPerson(entry, language),
      'role' in entry && entry.role ? VOCABULARY[language].role[entry.role] : '',
      describeAuditEntry(entry, language, timeZone),
    ]),
    types: ['dateTime', 'text', 'text', 'text', 'text'],
  };
}
