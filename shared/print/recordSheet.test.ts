import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml } from './text';
import { sampleComplaint, sampleSheet } from './testing';
import type { RecordSheetInput } from './recordSheet';

const sheet = (overrides: Partial<RecordSheetInput> = {}, description?: string): string => sampleSheet({ description }, overrides);

/** The document's text with tags removed and entities decoded (roughly what a reader sees). */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('renderRecordSheet', () => {
  it('prints a zh-TW sheet in Traditional words, marked zh-TW and set in a Traditional (TC) face first', () => {
    const html = sheet({ language: 'zh-TW' });
    const text = visibleText(html);
    for (const expected of ['客戶投訴記錄表', '投訴管道', '產品品質 › 過期變質', '品質異常', '責任投訴', '2 級', '部門負責人', '列印時間：']) expect(text, expected).toContain(expected);
    expect(html).toContain('<html lang="zh-TW">');
    expect(html).toMatch(/font: 10\.5pt\/1\.2 "Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC"/);
    expect(html).not.toContain('Noto Sans CJK SC');
  });

  it('holds every part of the record in Chinese: fields, outcome, follow-up, timeline, signatures, branch and print time', () => {
    const text = visibleText(sheet());
    for (const expected of [
      '客户投诉记录表',
      '上海徐汇店',
      'SH01-20261123-0007',
      '2026-11-23 09:00', // received, in Shanghai time
      '现场',
      '陈晓明',
      '13812345678',
      '徐汇店一楼生鲜区冷柜',
      '产品质量 › 过期变质',
      '质量异常',
      '500.00 元',
      '责任投诉',
      '2 级',
      '晚班临期商品巡检缺失', // root cause
      '生鲜部 / 晚班组长 刘强', // responsibility
      '店长当面致歉并现场退款', // outcome
      '接受',
      '4 / 5', // follow-up satisfaction
      '每日开店前与闭店后两次巡检临期商品', // corrective action
      '已结案',
      '2026-11-27 00:30', // closed at
      '升级：一线 → 投诉组，客户不接受处理方案', // an automatic escalation's reason, composed by the app, in Chinese
      '打印记录表：PDF 存档',
      '投诉人',
      '受理人',
      '部门负责人',
      '主管',
      '打印时间：2026-11-30 14:30　打印人：王建国',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('The customer rejected');
  });

  it('puts one timeline row per event and a page counter and the branch into the page margin', () => {
    const { events } = sampleComplaint();
    const html = sheet();
    const timeline = html.slice(html.indexOf('class="grid timeline"'));
    expect(timeline.match(/<td class="at">/g)).toHaveLength(events.length);
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
    expect(html).toContain('size: A4 portrait');
    expect(html).toMatch(/@bottom-left \{ content: "上海徐汇店/);
  });

  it('is self-contained: no script, no remote reference, a CSP that forbids both', () => {
    const html = sheet();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("default-src 'none'");
  });

  it('renders markup typed into the record as inert text', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const html = sheet({ branch: { code: 'SH01', name: '</style><script>alert(3)</script>' } }, hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The branch name also sits in a CSS string in the page margin: it cannot close the style element there.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(visibleText(html)).toContain(hostile);
  });

  it('speaks English when asked, with the same facts', () => {
    const text = visibleText(sheet({ language: 'en' }));
    expect(text).toContain('Customer Complaint Record Sheet');
    expect(text).toContain('Walk-in');
    expect(text).toContain('Product quality › Expired or spoiled');
    expect(text).toContain('Escalated: Front line → Complaint team, the customer rejected the proposed resolution');
    expect(text).toContain('客户投诉记录表'); // the form's own name, in every language
    // Bilingual headings: the Chinese group titles with their English glosses, the timeline's in both.
    for (const heading of ['受理\n登记', 'Intake', '回访\n记录', 'Visits', '处理记录 Timeline']) expect(text).toContain(heading);
    expect(text).toContain('Dept. head (sign)');
    expect(text).not.toContain('受理人');
  });

  it('shows an unknown user id as it is rather than dropping the line', () => {
    const text = visibleText(sheet({ users: new Map() }));
    expect(text).toContain('u-wang');
  });
});

describe('escaping helpers', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('writes CSS strings that no quote, backslash, newline or tag can end', () => {
    expect(cssString('上海 SH01')).toBe('"上海 SH01"');
    const css = cssString('a"b\\c\n</style>');
    expect(css.slice(1, -1)).not.toContain('"');
    expect(css).not.toContain('<');
    expect(css).not.toContain('\n');
  });
});
