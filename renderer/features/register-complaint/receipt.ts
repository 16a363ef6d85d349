/**
 * The customer's receipt (受理回执): a small slip with the complaint number, when and where it was received and
 * what happens next. Built here as a self-contained HTML document (no script) for a sandboxed print frame; every
 * value is escaped, so a branch name or number can never become markup.
 */
import type { Language } from '../../../shared/api/schemas';
import { documentFonts } from '../../../shared/print/sheetStyle';

export interface ReceiptText {
  readonly lang: Language;
  readonly title: string;
  readonly rows: readonly (readonly [label: string, value: string])[];
  readonly nextLabel: string;
  readonly next: string;
  readonly keep: string;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/** The slip as HTML: 80 mm wide (a receipt printer) and still neat at the top of an A4 page. */
export function receiptHtml(text: ReceiptText): string {
  // The first row is the number: the one thing the customer must be able to read back.
  const rows = text.rows.map(([label, value], index) => `<tr><th>${escape(label)}</th><td${index === 0 ? ' class="number"' : ''}>${escape(value)}</td></tr>`).join('');
  return `<!doctype html><html lang="${escape(text.lang)}"><head><meta charset="utf-8"><title>${escape(text.title)}</title><style>
@page { size: auto; margin: 8mm; }
body { font-family: ${documentFonts(text.lang)}; color: #000; background: #fff; margin: 0; }
.slip { width: 72mm; padding: 4mm; border: 1px dashed #000; font-size: 10.5pt; line-height: 1.5; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: normal; white-space: nowrap; padding: 0.5mm 2mm 0.5mm 0; vertical-align: top; }
td { padding: 0.5mm 0; overflow-wrap: anywhere; }
.number { font-size: 12.5pt; font-weight: bold; white-space: nowrap; font-variant-numeric: tabular-nums; }
h2 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2mm; }
.keep { text-align: center; border-top: 1px dashed #000; padding-top: 2mm; margin-top: 3mm; }
</style></head><body><div class="slip"><h1>${escape(text.title)}</h1><table>${rows}</table><h2>${escape(text.nextLabel)}</h2><p>${escape(text.next)}</p><p class="keep">${escape(text.keep)}</p></div></body></html>`;
}
