/**
 * Why the desk cannot open its data folder: something on disk that a person must put right (restore a file
 * from a backup, close the other Complaint Desk), not a bug. Each problem is data with a stable code; the
 * browser-mode command and Electron's error box show `describeOpenProblem` in the person's language, and the
 * error's own message is the English text, for the log.
 */
import type { Language } from '../../shared/api/schemas';

/** Who holds the data folder's lock (folderLock.ts). */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly mode: 'electron' | 'browser';
  readonly startedAt: string;
}

export type OpenProblem =
  /** A complete line of the journal is not a valid event, or breaks the seq/id/branch rules. */
  | { readonly code: 'journal_damaged'; readonly file: string; readonly line: number; readonly reason: string }
  | { readonly code: 'journal_newer_version'; readonly file: string; readonly line: number; readonly reason: string }
  /** The journal holds fewer events than the checkpoint recorded as saved (emptied or cut short). */
  | { readonly code: 'journal_shortened'; readonly file: string; readonly found: number; readonly expected: number }
  /** The event at the checkpoint's seq is not the one saved there: another journal was put in its place. */
  | { readonly code: 'journal_replaced'; readonly file: string; readonly seq: number }
  | { readonly code: 'journal_missing'; readonly file: string; readonly expected: number }
  /** A JSON file of the data folder (users, branch, checkpoint) that exists but does not parse. */
  | { readonly code: 'data_file_damaged'; readonly file: string; readonly reason: string }
  | { readonly code: 'data_folder_in_use'; readonly file: string; readonly holder: LockHolder };

export class DeskOpenError extends Error {
  override readonly name = 'DeskOpenError';
  constructor(readonly problem: OpenProblem) {
    super(describeOpenProblem(problem, 'en'));
  }
}

const MODE_NAMES: Readonly<Record<Language, Readonly<Record<LockHolder['mode'], string>>>> = {
  'zh-CN': { electron: '桌面程序', browser: '浏览器模式' },
  en: { electron: 'desktop app', browser: 'browser mode' },
};

/**
 * Restoring the whole folder (a backup is a copy of it, dataDir.ts) brings the journal and its checkpoint back
 * together; a journal restored alone from an older copy would be refused as shortened.
 */
const RESTORE: Readonly<Record<Language, string>> = {
  'zh-CN': '投诉受理台没有改动任何内容。请从最近的备份恢复整个数据文件夹后再启动；如果没有备份，请保留该文件夹的副本并联系技术支持。',
  en: 'Complaint Desk has changed nothing. Restore the data folder from its latest backup, then start again; if there is no backup, keep a copy of the folder and ask support.',
};

/** What happened, which file, and what to do, in one paragraph a person at the branch can act on. */
export function describeOpenProblem(problem: OpenProblem, language: Language): string {
  const zh = language === 'zh-CN';
  const restore = RESTORE[language];
  switch (problem.code) {
    case 'journal_damaged':
      return zh
        ? `事件日志 ${problem.file} 第 ${problem.line} 行已损坏（${problem.reason}）。${restore}`
        : `The journal ${problem.file} is damaged at line ${problem.line} (${problem.reason}). ${restore}`;
    case 'journal_newer_version':
      return zh
        ? `事件日志 ${problem.file} 第 ${problem.line} 行由更新版本的投诉受理台写入（${problem.reason}）。投诉受理台没有改动任何内容。请安装该新版本后再打开此数据文件夹。`
        : `The journal ${problem.file} holds, at line ${problem.line}, an event written by a newer version of Complaint Desk (${problem.reason}). Complaint Desk has changed nothing. Install that newer version to open this data folder.`;
    case 'journal_shortened':
      return zh
        ? `事件日志 ${problem.file} 只有 ${problem.found} 条记录，但已确认保存的有 ${problem.expected} 条：有记录丢失。${restore}`
        : `The journal ${problem.file} holds ${problem.found} events, but ${problem.expected} were confirmed as saved: events have been lost. ${restore}`;
    case 'journal_replaced':
      return zh
        ? `事件日志 ${problem.file} 不是此数据文件夹原来的日志：第 ${problem.seq} 条记录与已保存的不一致，可能被另一份文件替换。${restore}`
        : `The journal ${problem.file} is not this data folder's journal: event ${problem.seq} differs from the one saved, so another file may have been put in its place. ${restore}`;
    case 'journal_missing':
      return zh
        ? `事件日志 ${problem.file} 不见了，但已确认保存的记录有 ${problem.expected} 条；投诉受理台不会用空日志代替它。${restore}`
        : `The journal ${problem.file} is missing, but ${problem.expected} events were confirmed as saved; Complaint Desk will not start an empty journal in its place. ${restore}`;
    case 'data_file_damaged':
      return zh ? `文件 ${problem.file} 已损坏（${problem.reason}）。${restore}` : `The file ${problem.file} is damaged (${problem.reason}). ${restore}`;
    case 'data_folder_in_use': {
      const { pid, hostname, mode, startedAt } = problem.holder;
      const who = MODE_NAMES[language][mode];
      return zh
        ? `数据文件夹正被另一个投诉受理台使用（${who}，计算机 ${hostname} 上的进程 ${pid}，启动于 ${startedAt}）。请先关闭那一个，或直接使用它。如果确定没有其他投诉受理台在运行，请删除 ${problem.file} 后再启动。`
        : `The data folder is in use by another Complaint Desk (${who}, process ${pid} on ${hostname}, started ${startedAt}). Close that one first, or use it instead. If you are sure no other Complaint Desk is running, delete ${problem.file} and start again.`;
    }
  }
}
