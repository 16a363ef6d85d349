import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_COMPLAINTS } from '../api/documents';
import type { Language } from '../api/schemas';
import { AROUND_THE_CLOCK } from '../calendar/calendar';
import { MONDAY_9AM, deskAfter, minimalInput } from '../domain/testing';
import { DEFAULT_POLICY_BOOK, policyBook } from '../policy/book';
import { DEFAULT_POLICY } from '../policy/policy';
import { SAMPLE_USERS, sampleComplaint } from '../print/testing';
import { toCsv } from './csv';
import { canSeePersonalData, maskEmail, maskName, maskPhone } from './personalData';
import { latestSatisfaction, registerRows, type Table } from './register';
import { columnName, columnWidths, excelSerial, toXlsx, XLSX_STYLE } from './xlsx';

const options = (maskPersonalData: boolean, language: Language = 'zh-CN') => ({
  language,
  maskPersonalData,
  users: SAMPLE_USERS,
  policies: DEFAULT_POLICY_BOOK,
  calendar: AROUND_THE_CLOCK,
  now: '2026-12-01T00:00:00.000Z',
});

/** RFC 4180 reader for the round trip (quotes, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += 1;
    } else cell += char;
  }
  return rows;
}

const hostileTable: Table = {
  header: ['a', 'b'],
  rows: [
    ['=HYPERLINK("http://evil","点我")', '+86 138'],
    ['-2+3', '@SUM(A1)'],
    ['\tx', '多行\r\n文本, 含 "引号"'],
    ['普通文字', '1-2'],
  ],
};

describe('registerRows', () => {
  const { state } = sampleComplaint();

  it('lists the register columns in the branch time and the UI language', () => {
    const table = registerRows([state], options(false));
    const row = Object.fromEntries(table.header.map((name, i) => [name, table.rows[0]?.[i]]));
    expect(row).toMatchObject({
      投诉编号: 'SH01-20261123-0007',
      受理时间: '2026-11-23 09:00',
      投诉渠道: '现场',
      投诉类别: '产品质量 › 过期变质',
      等级: '2 级',
      状态: '已结案',
      处理人: '张伟',
      客户姓名: '陈晓明',
      联系电话: '13812345678',
      结案时间: '2026-11-27 00:30',
      重大投诉标记: '',
      涉及人数: '',
      // The first follow-up did not reach the customer; the second scored 4.
      满意度: '4',
    });
    expect(registerRows([state], options(false, 'en')).header[0]).toBe('Complaint no.');
  });

  it('heads and fills the columns in Traditional Chinese for a zh-TW desk, the category by its Traditional name', () => {
    const table = registerRows([state], options(false, 'zh-TW'));
    const row = Object.fromEntries(table.header.map((name, i) => [name, table.rows[0]?.[i]]));
    expect(row).toMatchObject({
      投訴編號: 'SH01-20261123-0007',
      受理時間: '2026-11-23 09:00',
      投訴管道: '現場',
      投訴類別: '產品品質 › 過期變質',
      等級: '2 級',
      狀態: '已結案',
      // What people typed stays as they typed it.
      客戶姓名: '陈晓明',
      聯絡電話: '13812345678',
      時限狀態: '',
    });
  });

  it('names a category by its Simplified name on a zh-TW desk when the policy gives no Traditional one', () => {
    const policy = { ...DEFAULT_POLICY, categories: DEFAULT_POLICY.categories.map(({ zhTW: _zhTW, children, ...category }) => ({ ...category, children: children?.map(({ zhTW: _child, ...child }) => child) })) };
    const policies = policyBook([{ policy, source: 'default', arrivedAt: '2026-01-01T00:00:00.000Z' }]);
    const table = registerRows([state], { ...options(false, 'zh-TW'), policies });
    expect(table.rows[0]?.[table.header.indexOf('投訴類別')]).toBe('产品质量 › 过期变质');
  });

  it('masks phone, email, address and most of the name for a reader who may not see them', () => {
    const table = registerRows([state], options(true));
    const text = table.rows.flat().join('|');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('chen.xm@example.com');
    expect(text).not.toContain('漕溪北路');
    expect(text).not.toContain('陈晓明');
    expect(text).toContain('138****5678');
    expect(text).toContain('陈**');
  });

  it('shows the next running deadline and its state for an open complaint', () => {
    const open = deskAfter([['register']]).state;
    if (!open) throw new Error('no state');
    const table = registerRows([open], { ...options(true), now: '2026-11-23T01:30:00.000Z' });
    const row = Object.fromEntries(table.header.map((name, i) => [name, table.rows[0]?.[i]]));
    // Registered Monday 09:00: acknowledgement is due within 24 h.
    expect(row['下一时限']).toBe('2026-11-24 09:00');
    expect(row['时限状态']).toBe('受理 · 未到期');
    expect(row['满意度']).toBe('');
  });

  it('gives a collective complaint its head count and its major flags, translated and joined', () => {
    const collective = deskAfter([['register', minimalInput('register', undefined, MONDAY_9AM, 1)]]).state;
    if (!collective) throw new Error('no state');
    const withMedia = { ...collective, flags: [...collective.flags, 'media' as const] };
    for (const [language, flags, count, flagsHeading] of [
      ['zh-CN', '集体投诉、媒体曝光', '涉及人数', '重大投诉标记'],
      ['zh-TW', '集體投訴、媒體曝光', '涉及人數', '重大投訴標記'],
      ['en', 'Collective, Media exposure', 'Number of people', 'Major-complaint flags'],
    ] as const) {
      const table = registerRows([withMedia], { ...options(true, language), now: MONDAY_9AM });
      const row = Object.fromEntries(table.header.map((name, i) => [name, table.rows[0]?.[i]]));
      expect(row[flagsHeading]).toBe(flags);
      expect(row[count]).toBe('6');
      expect(table.types?.[table.header.indexOf(count)]).toBe('text');
    }
  });

  it('takes the satisfaction of the latest follow-up that recorded one', () => {
    const at = (hour: number) => `2026-11-2${hour}T00:00:00.000Z`;
    expect(latestSatisfaction({ followUps: [] })).toBe('');
    expect(latestSatisfaction({ followUps: [{ at: at(4), method: 'phone', reached: false }] })).toBe('');
    expect(
      latestSatisfaction({
        followUps: [
          { at: at(4), method: 'phone', reached: true, satisfaction: 2 },
          { at: at(6), method: 'phone', reached: true, satisfaction: 5 },
          { at: at(7), method: 'phone', reached: false },
        ],
      }),
    ).toBe('5');
  });
});

describe('canSeePersonalData and the masks', () => {
  it('lets supervisors and admins see personal data, not staff', () => {
    expect([canSeePersonalData('staff'), canSeePersonalData('supervisor'), canSeePersonalData('admin')]).toEqual([false, true, true]);
  });

  it('keeps just enough to tell records apart', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskEmail('chen.xm@example.com')).toBe('c***@example.com');
    expect(maskName('王芳')).toBe('王*');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and reads back to the same cells, formulas neutralised', () => {
    const csv = toCsv(hostileTable);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = parseCsv(csv.slice(1));
    expect(back[0]).toEqual(['a', 'b']);
    expect(back.slice(1)).toEqual([
      [`'=HYPERLINK("http://evil","点我")`, `'+86 138`],
      [`'-2+3`, `'@SUM(A1)`],
      [`'\tx`, '多行\r\n文本, 含 "引号"'],
      ['普通文字', '1-2'],
    ]);
  });

  it('round-trips the register with Chinese text', () => {
    const table = registerRows([sampleComplaint().state], options(false));
    const back = parseCsv(toCsv(table).slice(1));
    expect(back).toEqual([table.header, ...table.rows].map((row) => [...row]));
  });
});

describe('toXlsx', () => {
  it('is a zip whose every entry reads back, with the cells as inline strings and a bold header', () => {
    const bytes = toXlsx(hostileTable, '投诉登记簿');
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const cells = [...sheet.matchAll(/<c r="([A-Z]+\d+)" t="inlineStr"(?: s="(\d)")?><is><t( xml:space="preserve")?>([^<]*)<\/t><\/is><\/c>/g)];
    const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(cells.map((match) => decode(match[4] ?? ''))).toEqual([hostileTable.header, ...hostileTable.rows].flat());
    // Whitespace that matters (a tab, a line break) is kept; plain text does not need to say so.
    expect(cells.map((match) => !!match[3])).toEqual([false, false, false, false, false, false, true, true, false, false]);
    expect(cells[0]?.[2]).toBe('1'); // header style: bold
    expect(cells[2]?.[2]).toBe('2'); // "=HYPERLINK…": quote-prefixed text, never a formula
    expect(sheet).not.toContain('<f>');
    expect(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())).toContain('name="投诉登记簿"');
    expect(strFromU8(files['xl/styles.xml'] ?? new Uint8Array())).toContain('<b/>');
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

const unzipText = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

/** The compression method of every entry, from the zip's central directory (8 = deflate, 0 = stored). */
function zipMethods(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22; // no archive comment
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const methods: number[] = [];
  for (let at = view.getUint32(end + 16, true), n = view.getUint16(end + 10, true); n > 0; n -= 1) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    methods.push(view.getUint16(at + 10, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return methods;
}

describe('toXlsx: a workbook Excel and LibreOffice open as a table', () => {
  const { state } = sampleComplaint();
  const table = registerRows([state], options(false));
  const files = unzipText(toXlsx(table, '投诉登记簿'));
  const sheet = files['xl/worksheets/sheet1.xml'] ?? '';

  it('declares its parts in [Content_Types].xml and its sheet in the workbook, with the filter range Excel records', () => {
    const types = files['[Content_Types].xml'] ?? '';
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>');
    expect(types).toContain('<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(types).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    expect(files['_rels/.rels']).toContain('Target="xl/workbook.xml"');
    const workbook = files['xl/workbook.xml'] ?? '';
    expect(workbook).toContain('<sheet name="投诉登记簿" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'投诉登记簿'!$A$1:$T$2</definedName>`);
    expect(files['xl/_rels/workbook.xml.rels']).toContain('Target="worksheets/sheet1.xml"');
  });

  it('freezes the header row, sets every column width and puts an autofilter over the whole table, in schema order', () => {
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const cols = [...sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="(\d+)" customWidth="1"\/>/g)];
    expect(cols.map((col) => Number(col[1]))).toEqual(table.header.map((_, i) => i + 1));
    expect(sheet).toContain('<autoFilter ref="A1:T2"/>');
    expect(sheet).toContain('<dimension ref="A1:T2"/>');
    // CT_Worksheet's order: Excel refuses a sheet whose elements are out of it.
    const order = ['<dimension', '<sheetViews>', '<cols>', '<sheetData>', '</sheetData>', '<autoFilter', '<pageMargins'].map((tag) => sheet.indexOf(tag));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
  });

  it('writes the register’s times as date serials with a date format, in the branch’s local time', () => {
    // 受理时间 2026-11-23 09:00 Shanghai, 结案时间 2026-11-27 00:30: serials count days from 1899-12-30.
    const serial = (ref: string) => Number(new RegExp(`<c r="${ref}" s="${XLSX_STYLE.dateTime}"><v>([\\d.]+)</v></c>`).exec(sheet)?.[1]);
    expect(serial('B2')).toBe(46349 + 9 / 24);
    expect(serial('S2')).toBeCloseTo(46353 + 0.5 / 24, 9);
    expect(sheet).not.toMatch(/<c r="B2"[^>]*t="inlineStr"/);
    const styles = files['xl/styles.xml'] ?? '';
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/>');
    const xfs = [...(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/s.exec(styles)?.[2] ?? '').matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]);
    expect(xfs[XLSX_STYLE.dateTime]).toContain('numFmtId="164"');
    expect(xfs[XLSX_STYLE.dateTime]).toContain('applyNumberFormat="1"');
    expect(styles).toContain(`<cellXfs count="${xfs.length}">`);
  });

  it('deflates every entry (no stored zip)', () => {
    const bytes = toXlsx(table, '投诉登记簿');
    expect(zipMethods(bytes)).toEqual([8, 8, 8, 8, 8, 8]);
    expect(toXlsx(table, '投诉登记簿')).toEqual(bytes); // same table, same bytes
  });
});

describe('excelSerial', () => {
  it('turns wall times into serials and refuses what is not one', () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('1970-01-01 00:00')).toBe(25569);
    expect(excelSerial('2026-11-23 09:00')).toBe(46349.375);
    expect(excelSerial('2026-11-23 23:59')).toBeCloseTo(46349 + 1439 / 1440, 10);
    for (const text of ['', '2026-02-30 09:00', '2026-13-01', '2026-11-23 24:00', '2026-11-23T09:00', '1900-02-28', '=1+1']) expect(excelSerial(text)).toBeUndefined();
  });
});

describe('columnWidths', () => {
  it('fits the widest cell, counting CJK characters double, within 8 and 60', () => {
    const widths = columnWidths({ header: ['a', '名称', 'c'], rows: [['x', '中文中文中文', 'y'.repeat(500)], ['', '', '']] });
    expect(widths).toEqual([8, 14, 60]);
  });
});

describe('toXlsx at the contract limit', () => {
  it(`writes ${EXPORT_MAX_COMPLAINTS.toLocaleString('en-US')} rows (a spread over the rows overflowed the stack near 130 000)`, () => {
    const rows = Array.from({ length: EXPORT_MAX_COMPLAINTS }, (_, i) => [`SH01-20261123-${String(i).padStart(6, '0')}`, '2026-11-23 09:00', i % 7 === 0 ? '=1+1' : '']);
    const started = performance.now();
    const bytes = toXlsx({ header: ['Number', 'Received at', 'Note'], rows, types: ['text', 'dateTime', 'text'] });
    const ms = performance.now() - started;
    const sheet = strFromU8(unzipSync(bytes, { filter: (file) => file.name === 'xl/worksheets/sheet1.xml' })['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const last = EXPORT_MAX_COMPLAINTS + 1;
    expect(sheet).toContain(`<autoFilter ref="A1:C${last}"/>`);
    expect(sheet).toContain(`<row r="${last}"><c r="A${last}" t="inlineStr"><is><t>SH01-20261123-199999</t></is></c><c r="B${last}" s="3"><v>46349.375</v></c></row>`);
    expect(bytes.length).toBeLessThan(sheet.length / 10); // deflated
    console.log(`toXlsx: ${EXPORT_MAX_COMPLAINTS} rows × 3 columns in ${ms.toFixed(0)} ms, ${(bytes.length / 1e6).toFixed(2)} MB (sheet XML ${(sheet.length / 1e6).toFixed(0)} MB)`);
  });
});
