/**
 * The register as an Excel workbook (.xlsx): one sheet with a bold, frozen header row, an autofilter over the
 * table, column widths fitted to the content, and date-time columns as real dates (numeric serials with a date
 * format, so Excel and LibreOffice sort and filter them as dates). Every other cell is an inline string: an
 * inline string is never evaluated, so a cell starting with = + - @ cannot run as a formula; such cells also
 * carry Excel's own quote-prefix style, so editing one in Excel keeps it text.
 *
 * Sized for the contract's limit (EXPORT_MAX_COMPLAINTS rows): nothing spreads a row list into a call's
 * arguments (that overflows the stack past ~130 000 rows), and the sheet is deflated as it is written, a
 * thousand rows at a time, so the uncompressed XML (about 1 kB a row) never exists as one string.
 */
import { Zip, ZipDeflate } from 'fflate';
import { looksLikeFormula } from './csv';
import type { Table } from './register';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes in styles.xml's cellXfs. */
export const XLSX_STYLE = { text: 0, header: 1, quoted: 2, dateTime: 3 } as const;
/** The first id free for custom number formats; 0–163 are Excel's built-ins. */
const DATE_TIME_FORMAT_ID = 164;

/** Rows per chunk handed to the deflater: big enough to compress well, small enough to keep memory flat. */
const ROWS_PER_CHUNK = 1000;
/**
 * Deflate level. Measured on the register at 50 000 rows: level 1 took ~15 % less CPU than the default 6 for a
 * file ~18 % bigger (6.5 against 5.5 MB; the stored zip was 72 MB). Building the XML costs more than either.
 */
const DEFLATE_LEVEL = 1;
/** A fixed entry time, so the same table gives the same bytes (a zip keeps local wall time, 1980 at the earliest). */
const ENTRY_TIME = new Date(1980, 0, 1, 12, 0, 0);

const WIDTH = { min: 8, max: 60, padding: 2 } as const;

/** Anything xmlText would change: most cells have none, and skip its five passes. */
const NEEDS_ESCAPE = /[&<>"]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** XML text: the specials escaped, characters XML 1.0 forbids (most control characters) dropped. */
export function xmlText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;
const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial (days since 1899-12-30, the 1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;
/** 1900-03-01: before it, Excel's serials count its phantom 1900-02-29 and no longer match the calendar. */
const FIRST_TRUE_SERIAL = 61;

/**
 * A local wall time as the register writes it (`2026-11-23 09:00`, or a bare `2026-11-23`) as an Excel date
 * serial: whole days since 1899-12-30 plus the time as a fraction of a day. A serial has no time zone, so the
 * branch's wall time is exactly what it should hold. Undefined for anything else (the cell is then written as text).
 */
export function excelSerial(wallTime: string): number | undefined {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(ms).getUTCDate() !== day) return undefined; // 2026-02-30 and the like
  const serial = ms / DAY_MS + UNIX_EPOCH_SERIAL;
  return serial >= FIRST_TRUE_SERIAL ? serial : undefined;
}

/** Display width in Excel's character units: CJK characters are about two wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return width;
}

/** Each column's width: its widest cell (header included), within WIDTH.min and WIDTH.max. A plain loop, no spread. */
export function columnWidths(table: Table): number[] {
  const widths = table.header.map((name) => displayWidth(name));
  for (const row of table.rows) {
    for (let column = 0; column < widths.length; column += 1) {
      const text = row[column] ?? '';
      const widest = widths[column] ?? 0;
      // A cell is at most twice its length wide: most cells cannot beat the widest seen, and are not measured.
      if (widest >= WIDTH.max || text.length * 2 <= widest) continue;
      widths[column] = Math.max(widest, displayWidth(text));
    }
  }
  return widths.map((width) => Math.min(WIDTH.max, Math.max(WIDTH.min, width + WIDTH.padding)));
}

/** Text that loses something unless XML is told to keep its whitespace: at either end, or a line break. */
const KEEP_SPACE = /^\s|\s$|[\n\r\t]/;

function textCell(ref: string, value: string, style: number): string {
  const space = KEEP_SPACE.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t${space}>${xmlText(value)}</t></is></c>`;
}

function rowXml(row: readonly string[], rowNumber: number, columns: readonly string[], dateColumns: ReadonlySet<number>): string {
  let cells = '';
  for (let column = 0; column < columns.length; column += 1) {
    const value = row[column] ?? '';
    if (value === '') continue; // an empty cell is simply absent
    const ref = `${columns[column]}${rowNumber}`;
    const serial = dateColumns.has(column) ? excelSerial(value) : undefined;
    if (serial !== undefined) cells += `<c r="${ref}" s="${XLSX_STYLE.dateTime}"><v>${serial}</v></c>`;
    else cells += textCell(ref, value, looksLikeFormula(value) ? XLSX_STYLE.quoted : XLSX_STYLE.text);
  }
  return `<row r="${rowNumber}">${cells}</row>`;
}

/** The sheet's XML in pieces: the head, the rows a chunk at a time, the tail. */
function* sheetXml(table: Table): Generator<string> {
  const columns = table.header.map((_, i) => columnName(i));
  const lastColumn = columns[columns.length - 1] ?? 'A';
  const lastRow = table.rows.length + 1;
  const range = `A1:${lastColumn}${lastRow}`;
  const dateColumns = new Set<number>();
  table.types?.forEach((type, column) => type === 'dateTime' && dateColumns.add(column));
  const cols = columnWidths(table)
    .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join('');
  yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">
<dimension ref="${range}"/>
<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>
<cols>${cols}</cols>
<sheetData>
<row r="1">${table.header.map((name, column) => textCell(`${columns[column]}1`, name, XLSX_STYLE.header)).join('')}</row>`;
  for (let start = 0; start < table.rows.length; start += ROWS_PER_CHUNK) {
    let chunk = '';
    const end = Math.min(start + ROWS_PER_CHUNK, table.rows.length);
    for (let r = start; r < end; r += 1) chunk += `\n${rowXml(table.rows[r] ?? [], r + 2, columns, dateColumns)}`;
    yield chunk;
  }
  yield `
</sheetData>
<autoFilter ref="${range}"/>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>`;
}

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">
<numFmts count="1"><numFmt numFmtId="${DATE_TIME_FORMAT_ID}" formatCode="yyyy-mm-dd hh:mm"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="${DATE_TIME_FORMAT_ID}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** `'Sheet name'!$A$1:$Q$9`: a sheet-qualified absolute range for a defined name. */
function sheetRange(sheetName: string, table: Table): string {
  const lastColumn = columnName(Math.max(0, table.header.length - 1));
  return `'${sheetName.replace(/'/g, "''")}'!$A$1:$${lastColumn}$${table.rows.length + 1}`;
}

/** Deflates each part, a chunk at a time, into one zip. */
function zipParts(parts: ReadonlyArray<readonly [name: string, chunks: Iterable<string>]>): Uint8Array {
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const archive = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else out.push(chunk);
  });
  for (const [name, chunks] of parts) {
    const entry = new ZipDeflate(name, { level: DEFLATE_LEVEL });
    entry.mtime = ENTRY_TIME;
    archive.add(entry);
    for (const text of chunks) entry.push(encoder.encode(text));
    entry.push(new Uint8Array(0), true);
  }
  archive.end();
  if (failure) throw failure;
  let size = 0;
  for (const part of out) size += part.length;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of out) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

export function toXlsx(table: Table, sheetName = 'Register'): Uint8Array {
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const safeName = sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
  return zipParts([
    [
      '[Content_Types].xml',
      [
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`,
      ],
    ],
    ['_rels/.rels', [`${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]],
    [
      'xl/workbook.xml',
      [
        // The hidden _FilterDatabase name is how Excel itself records a sheet's autofilter range.
        `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${xmlText(safeName)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(sheetRange(safeName, table))}</definedName></definedNames></workbook>`,
      ],
    ],
    [
      'xl/_rels/workbook.xml.rels',
      [`${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`],
    ],
    ['xl/styles.xml', [STYLES_XML]],
    ['xl/worksheets/sheet1.xml', sheetXml(table)],
  ]);
}
