/**
 * npm run i18n:zh-tw — writes the Traditional Chinese (Taiwan) wording from the Simplified source:
 *
 * - `renderer/i18n/messages.zh-TW.ts` from the zh-CN UI messages, and
 * - `shared/i18n/words.zh-TW.ts`, the string parts of the shared tables main's documents use (the vocabulary, the
 *   record sheet's labels, the timeline's and the audit log's words); their few sentence-making functions are
 *   written by hand next to the zh-CN ones, and a test checks they say what the converter would;
 * - the `zhTW` names of the default policy's categories (`resources/policy.default.json`), beside each `zh`.
 *
 * zh-CN stays the one source of truth: a key another change adds there reaches zh-TW by rerunning this script,
 * and `tests/unit/i18n/zhTW.test.ts` fails while the committed files differ from what it writes. The conversion
 * is OpenCC's Simplified → Taiwan-phrases dictionary, corrected by OVERRIDES where it picks a word a Taiwanese
 * clerk would not use (or a computing sense where the desk means the everyday one).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { zhCN } from '../renderer/i18n/messages.zh-CN';
import { VOCABULARY } from '../shared/i18n/vocabulary';
import { sheetLabels } from '../shared/print/sheetLabels';
import { TIMELINE_WORDS } from '../shared/print/timeline';
import { AUDIT_WORDS } from '../shared/audit/describe';
import { REPORT_WORDS } from '../shared/report/reportWords';

/**
 * Simplified phrase → the Taiwan wording, matched longest first before OpenCC sees the text. Reviewed by reading
 * the whole generated output; keep each line's reason.
 */
export const OVERRIDES: readonly (readonly [string, string])[] = [
  // The branch of a chain is a 分店 in Taiwan and Hong Kong; 網點 reads as mainland banking jargon.
  ['网点', '分店'],
  // 質量 is physical mass in Taiwan; quality is 品質.
  ['质量', '品質'],
  // OpenCC reads 代码 and 对象 in their programming senses (程式碼, 物件): here a branch code, people asked.
  ['代码', '代碼'],
  ['对象', '對象'],
  // 類型/權限 in everyday wording (OpenCC gives the programming 型別, and 許可權).
  ['类型', '類型'],
  ['权限', '權限'],
  // 目前 is the everyday "current" in Taiwan (當前 reads as literary).
  ['当前', '目前'],
  // Retention period keeps its own word (OpenCC turns every 保存 into the saving-a-file 儲存).
  ['保存期限', '保存期限'],
  // A backup disk; an audit log is a 稽核 log in Taiwan.
  ['备份盘', '備份磁碟'],
  ['审计', '稽核'],
  // Account is 帳號/帳戶 in Taiwan.
  ['账号', '帳號'],
  ['账户', '帳戶'],
  // Channels of complaint: 管道 (投訴管道); social media: 社群媒體.
  ['渠道', '管道'],
  ['社交媒体', '社群媒體'],
  // Sign out is 登出; navigation is 導覽.
  ['退出登录', '登出'],
  ['导航', '導覽'],
  // Responding to a complaint: 回應 (響應 is a technical or call-to-action word in Taiwan).
  ['响应', '回應'],
  // E-mail address box and the till receipt, as Taiwan says them.
  ['电子邮箱', '電子信箱'],
  ['小票', '收據'],
  // 資料 is data and 資料夾 a folder: the data folder would read 資料資料夾; say 資料目錄 (data directory).
  ['数据文件夹', '資料目錄'],
  // Get in touch (OpenCC splits 并联系 as 並聯 + 系); a computer is a 電腦.
  ['联系', '聯絡'],
  ['计算机', '電腦'],
  // Warranty is 保固 in Taiwan; personal data leaks out (外洩).
  ['保修', '保固'],
  ['泄露', '外洩'],
  // A USB stick is a 隨身碟 (one word: the space before the Latin U goes too); a disk is a 磁碟.
  ['U 盘', '隨身碟'],
  [' U 盘', '隨身碟'],
  ['另一个盘', '另一個磁碟'],
  // 台 as everyday Taiwan writes it (受理台, 一台電腦); OpenCC's 臺 is the formal form. 后台 is a background service.
  ['台', '台'],
  ['后台', '背景'],
  // OpenCC reads 多只 as a count of animals (隻), and 被复制 as 被複 + 制.
  ['最多只', '最多只'],
  ['复制', '複製'],
  // Every 周 of the app is a week (週).
  ['周', '週'],
  // Keeping a record is 保存 (OpenCC turns it into the file-saving 儲存).
  ['保存至', '保存至'],
  ['信息保存', '資訊保存'],
  // Taiwan computing words: this computer (本機), text file, add, drag, custom, list, token, the space bar, Enter.
  ['本地', '本機'],
  ['文本文件', '文字檔'],
  ['添加', '新增'],
  ['拖动', '拖曳'],
  ['自定义', '自訂'],
  ['列表', '清單'],
  ['令牌', '權杖'],
  ['空格', '空白鍵'],
  ['回车', 'Enter 鍵'],
  ['生成', '產生'],
  ['撤销', '復原'],
  ['邮箱', '信箱'],
  ['自动退出', '自動登出'],
  // Apply a calendar: 套用 (應用 is an application).
  ['应用到', '套用到'],
  ['应用前', '套用前'],
  ['应用后', '套用後'],
  ['应用之前', '套用之前'],
  // A notice is published (發布; OpenCC's 釋出 is a software release).
  ['发布', '發布'],
  // Phone numbers as Taiwan names them: a mobile number, a landline.
  ['手机号', '手機號碼'],
  ['座机', '市話'],
  // Quotation marks: Taiwan writes 「」 and 『』.
  ['“', '「'],
  ['”', '」'],
  ['‘', '『'],
  ['’', '』'],
];

const openCC = OpenCC.Converter({ from: 'cn', to: 'twp' });
const overrides = new OpenCC.Trie();
for (const [simplified, traditional] of OVERRIDES) overrides.addWord(simplified, traditional);

/** Simplified text in Taiwan wording: the overrides where they match, OpenCC in between. */
export function toTraditional(text: string): string {
  let out = '';
  let pending = '';
  for (let at = 0; at < text.length; ) {
    const match = overrides.matchPrefix(text, at);
    if (match) {
      out += openCC(pending) + match.value;
      pending = '';
      at = match.end;
    } else {
      pending += text[at];
      at += 1;
    }
  }
  return out + openCC(pending);
}

type Plain = string | readonly Plain[] | { readonly [key: string]: Plain };

/**
 * The strings of a table in Traditional, functions left out (they are written by hand); undefined when nothing is
 * left. Values under a `verbatim` key are copied as they are.
 */
function stringParts(value: unknown, verbatim: ReadonlySet<string> = new Set()): Plain | undefined {
  if (typeof value === 'string') return toTraditional(value);
  if (Array.isArray(value)) return value.map((item) => stringParts(item) ?? '');
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const converted = verbatim.has(key) ? (item as Plain) : stringParts(item);
      return converted === undefined ? [] : [[key, converted] as const];
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return undefined;
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));

/** TypeScript source of a value: an object per line group, short leaves kept on one line. */
function source(value: Plain, indent: string): string {
  if (typeof value === 'string') return quote(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[${value.map((item) => source(item, inner)).join(', ')}]`;
  const lines = Object.entries(value).map(([name, item]) => `${inner}${key(name)}: ${source(item, inner)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

const GENERATED = '// Generated by `npm run i18n:zh-tw` (scripts/zh-tw.ts) from the zh-CN wording: edit zh-CN or the overrides, not this file.';

function constant(name: string, value: unknown, type?: string, verbatim?: ReadonlySet<string>): string {
  const parts = stringParts(value, verbatim);
  if (parts === undefined) throw new Error(`${name}: no strings to convert`);
  return type ? `export const ${name}: ${type} = ${source(parts, '')};\n` : `export const ${name} = ${source(parts, '')} as const;\n`;
}

export function messagesFile(): string {
  return [
    GENERATED,
    '/** Traditional Chinese (Taiwan): the zh-CN messages converted; typed against them, so a missing key fails the type check. */',
    "import type { Messages } from './messages.en';",
    '',
    // Each language is named in itself in the picker (简体中文 stays Simplified), so `lang` is copied, not converted.
    constant('zhTW', zhCN, 'Messages', new Set(['lang'])),
  ].join('\n');
}

export function sharedWordsFile(): string {
  return [
    GENERATED,
    '/** The string parts of the shared tables in Traditional Chinese (Taiwan); each table adds its own sentence-making functions. */',
    '',
    constant('VOCABULARY_ZH_TW', VOCABULARY['zh-CN']),
    constant('SHEET_LABELS_ZH_TW', sheetLabels('zh-CN')),
    constant('TIMELINE_WORDS_ZH_TW', TIMELINE_WORDS['zh-CN']),
    constant('AUDIT_WORDS_ZH_TW', AUDIT_WORDS['zh-CN']),
    // The report's domain terms come from VOCABULARY_ZH_TW itself.
    constant('REPORT_WORDS_ZH_TW', { ...REPORT_WORDS['zh-CN'], vocabulary: {} }),
  ].join('\n');
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POLICY = 'resources/policy.default.json';

/** The default policy with each category's `zhTW` written after its `zh`, the file's layout otherwise kept. */
export function policyFile(): string {
  const text = readFileSync(`${ROOT}${POLICY}`, 'utf8');
  return text.replace(/"zh": "([^"]*)"(?:, "zhTW": "[^"]*")?/g, (_whole, zh: string) => `"zh": "${zh}", "zhTW": "${toTraditional(zh)}"`);
}

export const OUTPUTS = [
  { path: 'renderer/i18n/messages.zh-TW.ts', render: messagesFile },
  { path: 'shared/i18n/words.zh-TW.ts', render: sharedWordsFile },
  { path: POLICY, render: policyFile },
] as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const output of OUTPUTS) {
    writeFileSync(`${ROOT}${output.path}`, output.render());
    console.log(`wrote ${output.path}`);
  }
}
