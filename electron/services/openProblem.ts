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

/** What each problem says in one language; `restore` is the shared advice of the problems a backup puts right. */
interface OpenProblemWords {
  readonly modes: Readonly<Record<LockHolder['mode'], string>>;
  /**
   * Restoring the whole folder (a backup is a copy of it, dataDir.ts) brings the journal and its checkpoint back
   * together; a journal restored alone from an older copy would be refused as shortened.
   */
  readonly restore: string;
  readonly problems: { readonly [C in OpenProblem['code']]: (problem: Extract<OpenProblem, { code: C }>, words: OpenProblemWords) => string };
}

/** "1 event", "2 events": English counts. */
const eventCount = (count: number): string => `${count} ${count === 1 ? 'event' : 'events'}`;
/** The verb after a count: "1 was", "2 were". */
const wasOrWere = (count: number): string => (count === 1 ? 'was' : 'were');

const WORDS: Readonly<Record<Language, OpenProblemWords>> = {
  'zh-CN': {
    modes: { electron: '桌面程序', browser: '浏览器模式' },
    restore: '投诉受理台没有改动任何内容。请从最近的备份恢复整个数据文件夹后再启动；如果没有备份，请保留该文件夹的副本并联系技术支持。',
    problems: {
      journal_damaged: ({ file, line, reason }, { restore }) => `事件日志 ${file} 第 ${line} 行已损坏（${reason}）。${restore}`,
      journal_newer_version: ({ file, line, reason }) =>
        `事件日志 ${file} 第 ${line} 行由更新版本的投诉受理台写入（${reason}）。投诉受理台没有改动任何内容。请安装该新版本后再打开此数据文件夹。`,
      journal_shortened: ({ file, found, expected }, { restore }) => `事件日志 ${file} 只有 ${found} 条记录，但已确认保存的有 ${expected} 条：有记录丢失。${restore}`,
      journal_replaced: ({ file, seq }, { restore }) => `事件日志 ${file} 不是此数据文件夹原来的日志：第 ${seq} 条记录与已保存的不一致，可能被另一份文件替换。${restore}`,
      journal_missing: ({ file, expected }, { restore }) => `事件日志 ${file} 不见了，但已确认保存的记录有 ${expected} 条；投诉受理台不会用空日志代替它。${restore}`,
      data_file_damaged: ({ file, reason }, { restore }) => `文件 ${file} 已损坏（${reason}）。${restore}`,
      data_folder_in_use: ({ file, holder }, { modes }) =>
        `数据文件夹正被另一个投诉受理台使用（${modes[holder.mode]}，计算机 ${holder.hostname} 上的进程 ${holder.pid}，启动于 ${holder.startedAt}）。请先关闭那一个，或直接使用它。如果确定没有其他投诉受理台在运行，请删除 ${file} 后再启动。`,
    },
  },
  // The zh-CN sentences in Traditional characters and Taiwan wording (as scripts/zh-tw.ts converts the UI's).
  'zh-TW': {
    modes: { electron: '桌面程式', browser: '瀏覽器模式' },
    restore: '投訴受理台沒有改動任何內容。請從最近的備份恢復整個資料目錄後再啟動；如果沒有備份，請保留該資料夾的副本並聯絡技術支援。',
    problems: {
      journal_damaged: ({ file, line, reason }, { restore }) => `事件日誌 ${file} 第 ${line} 行已損壞（${reason}）。${restore}`,
      journal_newer_version: ({ file, line, reason }) =>
        `事件日誌 ${file} 第 ${line} 行由更新版本的投訴受理台寫入（${reason}）。投訴受理台沒有改動任何內容。請安裝該新版本後再開啟此資料目錄。`,
      journal_shortened: ({ file, found, expected }, { restore }) => `事件日誌 ${file} 只有 ${found} 條記錄，但已確認儲存的有 ${expected} 條：有記錄丟失。${restore}`,
      journal_replaced: ({ file, seq }, { restore }) => `事件日誌 ${file} 不是此資料目錄原來的日誌：第 ${seq} 條記錄與已儲存的不一致，可能被另一份檔案替換。${restore}`,
      journal_missing: ({ file, expected }, { restore }) => `事件日誌 ${file} 不見了，但已確認儲存的記錄有 ${expected} 條；投訴受理台不會用空日誌代替它。${restore}`,
      data_file_damaged: ({ file, reason }, { restore }) => `檔案 ${file} 已損壞（${reason}）。${restore}`,
      data_folder_in_use: ({ file, holder }, { modes }) =>
        `資料目錄正被另一個投訴受理台使用（${modes[holder.mode]}，電腦 ${holder.hostname} 上的程序 ${holder.pid}，啟動於 ${holder.startedAt}）。請先關閉那一個，或直接使用它。如果確定沒有其他投訴受理台在執行，請刪除 ${file} 後再啟動。`,
    },
  },
  en: {
    modes: { electron: 'desktop app', browser: 'browser mode' },
    restore: 'Complaint Desk has changed nothing. Restore the data folder from its latest backup, then start again; if there is no backup, keep a copy of the folder and ask support.',
    problems: {
      journal_damaged: ({ file, line, reason }, { restore }) => `The journal ${file} is damaged at line ${line} (${reason}). ${restore}`,
      journal_newer_version: ({ file, line, reason }) =>
        `The journal ${file} holds, at line ${line}, an event written by a newer version of Complaint Desk (${reason}). Complaint Desk has changed nothing. Install that newer version to open this data folder.`,
      journal_shortened: ({ file, found, expected }, { restore }) =>
        `The journal ${file} holds ${eventCount(found)}, but ${expected} ${wasOrWere(expected)} confirmed as saved: events have been lost. ${restore}`,
      journal_replaced: ({ file, seq }, { restore }) =>
        `The journal ${file} is not this data folder's journal: event ${seq} differs from the one saved, so another file may have been put in its place. ${restore}`,
      journal_missing: ({ file, expected }, { restore }) =>
        `The journal ${file} is missing, but ${eventCount(expected)} ${wasOrWere(expected)} confirmed as saved; Complaint Desk will not start an empty journal in its place. ${restore}`,
      data_file_damaged: ({ file, reason }, { restore }) => `The file ${file} is damaged (${reason}). ${restore}`,
      data_folder_in_use: ({ file, holder }, { modes }) =>
        `The data folder is in use by another Complaint Desk (${modes[holder.mode]}, process ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}). Close that one first, or use it instead. If you are sure no other Complaint Desk is running, delete ${file} and start again.`,
    },
  },
};

/** What happened, which file, and what to do, in one paragraph a person at the branch can act on. */
export function describeOpenProblem(problem: OpenProblem, language: Language): string {
  const words = WORDS[language];
  // TS cannot pair each code with its own sentence through the union; the table's type does.
  const describe = words.problems[problem.code] as (problem: OpenProblem, words: OpenProblemWords) => string;
  return describe(problem, words);
}
