/**
 * The record sheet's print style (UI.md "Print views"): A4 portrait, black on white, 10.5 pt body, ruled
 * tables; the branch, the page number ("第 1 页 / 共 2 页") and the print time in the page margin of every page
 * through @page margin boxes, which Chromium (and so Electron's printToPDF and print) draws on each page.
 */
import type { Language } from '../api/schemas';
import { cssString } from './text';

export interface PageFooter {
  /** Bottom left: branch and complaint number. */
  readonly left: string;
  /** Text around the page counters: before the page number, between it and the total, after. */
  readonly pageOf: readonly [string, string, string];
  /** Bottom right: print time and who printed. */
  readonly right: string;
}

const SIMPLIFIED = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
const TRADITIONAL = '"Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC", "WenQuanYi Micro Hei", sans-serif';

/**
 * The font stack of a document in `language`. Traditional text needs a TC face: the SC faces hold the Traditional
 * characters too, but draw them in mainland forms (the shapes of 說, 戶, 為 differ), which a Taiwanese reader notices.
 */
export function documentFonts(language: Language): string {
  return language === 'zh-TW' ? TRADITIONAL : SIMPLIFIED;
}

export function sheetStyle(footer: PageFooter, language: Language): string {
  const fonts = documentFonts(language);
  const [before, between, after] = footer.pageOf;
  return `
@page {
  size: A4 portrait;
  margin: 11mm 12mm 14mm 12mm;
  @bottom-left { content: ${cssString(footer.left)}; font: 8.5pt ${fonts}; color: #000; vertical-align: top; padding-top: 3mm; }
  @bottom-center { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}; font: 8.5pt ${fonts}; color: #000; vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: ${cssString(footer.right)}; font: 8.5pt ${fonts}; color: #000; vertical-align: top; padding-top: 3mm; }
}
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; color: #000; background: #fff; font: 10.5pt/1.2 ${fonts}; font-variant-numeric: tabular-nums; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen { body { width: 186mm; margin: 8mm auto; } }
header.sheet-head { text-align: center; margin-bottom: 1.5mm; }
header.sheet-head .branch { font-size: 10.5pt; letter-spacing: 0.05em; }
header.sheet-head h1 { font-size: 16pt; margin: 0.3mm 0 1mm; font-weight: 700; }
header.sheet-head .subtitle { font-size: 11pt; font-weight: 700; margin: -0.5mm 0 1mm; }
html[lang='zh-CN'] header.sheet-head h1, html[lang='zh-TW'] header.sheet-head h1 { letter-spacing: 0.2em; }
header.sheet-head .meta { display: flex; justify-content: space-between; font-size: 10.5pt; }
header.sheet-head .meta strong { font-size: 11.5pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0; }
th, td { border: 0.6pt solid #000; padding: 0.3mm 1.2mm; vertical-align: top; text-align: left; white-space: pre-wrap; overflow-wrap: break-word; }
th { font-weight: 700; }
tr { break-inside: avoid; }
/* Long text (the description, findings, outcome) flows on over a page break instead of leaving a page half empty. */
tr.tall { break-inside: auto; }
thead { display: table-header-group; }
col.group { width: 4.5%; }
col.label { width: 12%; }
col.value { width: 19.83%; }
/* The English sheet has the English gloss beside each Chinese group title. */
html[lang='en'] col.group { width: 6.5%; }
html[lang='en'] col.label { width: 12.5%; }
html[lang='en'] col.value { width: 18.67%; }
/* English terms are longer than the Chinese ones: smaller type keeps each on one or two lines of the label column. */
html[lang='en'] table.fields tbody th:not(.group), html[lang='en'] table.grid tr.columns th:not(.group) { font-size: 8.5pt; line-height: 1.15; }
th.group small { font-size: 6.5pt; line-height: 1; font-weight: 600; letter-spacing: 0; }
th.group.continued { border-top: none; writing-mode: horizontal-tb; }
th.group { writing-mode: vertical-rl; text-align: center; vertical-align: middle; font-size: 10.5pt; line-height: 1.15; letter-spacing: 0.1em; padding: 0.8mm 0; }
/* A label breaks between words, never inside one. */
table.fields tbody th { font-weight: 600; overflow-wrap: normal; }
tr.section th { font-size: 11pt; font-weight: 700; padding: 0.4mm 1.2mm; border-top-width: 1pt; }
td.tall:empty { height: 8mm; }
table.grid { margin-top: -0.6pt; }
table.grid tr.columns th:not(.group) { font-weight: 600; text-align: center; }
table.timeline td { padding-top: 0.2mm; padding-bottom: 0.2mm; }
td.at { white-space: nowrap; }
.empty { height: 5.5mm; }
/* The signatures never stand alone on a page: the last rows of the timeline come along. */
section.signatures { margin-top: 2mm; break-inside: avoid; break-before: avoid; }
table.signatures td { border: 0.6pt solid #000; height: 14mm; padding: 1.2mm 1.6mm; vertical-align: top; }
table.signatures .who { display: block; font-weight: 700; }
table.signatures .date { display: block; margin-top: 5mm; font-size: 10.5pt; white-space: nowrap; }
`;
}
