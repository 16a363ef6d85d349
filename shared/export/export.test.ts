import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AROUND_THE_CLOCK } from '../calendar/calendar';
import { deskAfter } from '../domain/testing';
import { DEFAULT_POLICY } from '../policy/policy';
import { SAMPLE_USERS, sampleComplaint } from '../print/testing';
import { toCsv } from './csv';
import { canSeePersonalData, maskEmail, maskName, maskPhone } from './personalData';
import { registerRows, type Table } from './register';
import { crc32 } from './zip';
import { columnName, toXlsx } from './xlsx';

const options = (maskPersonalData: boolean, language: 'zh-CN' | 'en' = 'zh-CN') => ({
  language,
  maskPersonalData,
  users: SAMPLE_USERS,
  policy: DEFAULT_POLICY,
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
    });
    expect(registerRows([state], options(false, 'en')).header[0]).toBe('Number');
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
    const row = registerRows([open], { ...options(true), now: '2026-11-23T01:30:00.000Z' }).rows[0] ?? [];
    // Registered Monday 09:00: acknowledgement is due within 24 h.
    expect(row[8]).toBe('2026-11-24 09:00');
    expect(row[9]).toBe('受理 · 未到期');
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
    const cells = [...sheet.matchAll(/<c r="([A-Z]+\d+)" t="inlineStr"(?: s="(\d)")?><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g)];
    const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(cells.map((match) => decode(match[3] ?? ''))).toEqual([hostileTable.header, ...hostileTable.rows].flat());
    expect(cells[0]?.[2]).toBe('1'); // header style: bold
    expect(cells[2]?.[2]).toBe('2'); // "=HYPERLINK…": quote-prefixed text, never a formula
    expect(sheet).not.toContain('<f>');
    expect(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())).toContain('name="投诉登记簿"');
    expect(strFromU8(files['xl/styles.xml'] ?? new Uint8Array())).toContain('<b/>');
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
