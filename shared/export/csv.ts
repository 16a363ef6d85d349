/**
 * CSV as Excel on a Chinese Windows PC opens it correctly: UTF-8 with a byte-order mark (without it Excel reads
 * GBK and shows mojibake), RFC 4180 quoting, CRLF line ends. A cell that a spreadsheet would run as a formula
 * is neutralised with a leading apostrophe (CSV injection).
 */
import type { Table } from './register';

const BOM = '\uFEFF';

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(cell: string): boolean {
  return FORMULA_START.test(cell);
}

/** The cell as it should be stored so a spreadsheet shows it as text. */
export function neutraliseFormula(cell: string): string {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}

function csvCell(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Table): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
