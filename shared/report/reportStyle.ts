/**
 * The branch report's print style (UI.md "Print views"): A4 portrait, black on white, 10.5 pt body, ruled
 * tables whose header row repeats on every page and whose rows are never split; the report's name and period,
 * the page number ("第 1 页 / 共 3 页") and the generation time in the bottom margin of every page through
 * @page margin boxes, which Chromium draws on each page (Electron's printToPDF and print, and headless Chromium).
 */
import { cssString } from '../print/text';
import type { Language } from '../api/schemas';
import { documentFonts, type PageFooter } from '../print/sheetStyle';

export function reportStyle(footer: PageFooter, language: Language): string {
  const fonts = documentFonts(language);
  const [before, between, after] = footer.pageOf;
  const margin = `font: 8.5pt ${fonts}; color: #000; vertical-align: top; padding-top: 3mm;`;
  return `
@page {
  size: A4 portrait;
  margin: 12mm 13mm 15mm 13mm;
  @bottom-left { content: ${cssString(footer.left)}; ${margin} }
  @bottom-center { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}; ${margin} }
  @bottom-right { content: ${cssString(footer.right)}; ${margin} }
}
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; color: #000; background: #fff; font: 10.5pt/1.3 ${fonts}; font-variant-numeric: tabular-nums; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen { body { width: 184mm; margin: 8mm auto; } }
header.report-head { text-align: center; border-bottom: 1.2pt solid #000; padding-bottom: 2mm; margin-bottom: 3mm; }
header.report-head .scope { font-size: 12pt; letter-spacing: 0.05em; }
header.report-head h1 { font-size: 17pt; margin: 1mm 0; }
html:lang(zh) header.report-head h1 { letter-spacing: 0.15em; }
header.report-head .period { font-size: 12pt; font-weight: 700; }
header.report-head .meta { display: flex; justify-content: space-between; font-size: 9pt; margin-top: 1.5mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 0; }
th, td { border: 0.6pt solid #000; padding: 0.6mm 1.4mm; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { font-weight: 700; background: #fff; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.number, th.number { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.undefined { color: #000; font-style: italic; font-size: 9pt; }
.note { font-size: 9pt; margin: 1mm 0 0; }
.none { font-size: 10pt; margin: 1mm 0; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 5mm; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 700; font-size: 10pt; margin-bottom: 1mm; }
svg.chart { width: 100%; height: auto; display: block; font-family: ${fonts}; }
`;
}
