import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleSheet, sheetOf, typicalComplaint } from '../../shared/print/testing';
import { withTempDir } from '../../tests/unit/platform/fixtures';
import { chromiumPath, chromiumPdfArgs, createChromiumPdfEngine } from './pdf';

const chromium = chromiumPath();
const hasTools = existsSync(chromium) && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
if (!hasTools) console.warn(`pdf.test: skipping the Chromium PDF checks: needs ${chromium} (or CHROMIUM_PATH), pdftotext and pdfinfo (poppler-utils)`);

/** The facts of a PDF as poppler reads them: the text of each page, the page count and the paper size. */
async function pdfFacts(pdf: Uint8Array, dir: string): Promise<{ pages: string[]; size: string }> {
  const file = join(dir, 'sheet.pdf');
  await writeFile(file, pdf);
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-']).toString('utf8'));
  return { pages, size: /Page size:.*\((\w+)\)/.exec(info)?.[1] ?? '' };
}

async function printed(html: string): Promise<{ pages: string[]; size: string }> {
  const pdf = await createChromiumPdfEngine()(html);
  if (!pdf.ok) throw new Error(pdf.error.message);
  let facts = { pages: [] as string[], size: '' };
  await withTempDir(async (dir) => {
    facts = await pdfFacts(pdf.value, dir);
  });
  return facts;
}

const squeezed = (text: string) => text.replace(/\s+/g, '');
/** A timeline row: its time stamp in the first column. */
const TIMELINE_ROW = /^\s*2026-\d\d-\d\d \d\d:\d\d\s+\S+\s+\S/m;

describe.skipIf(!hasTools)('record sheet through Chromium headless', () => {
  it.each(['zh-CN', 'en'] as const)('fits an ordinary complaint (%s) on one A4 page with its signature lines', async (language) => {
    const { pages, size } = await printed(sheetOf(typicalComplaint(), { language }));
    expect(size).toBe('A4');
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const expected of ['客户投诉记录表', '上海徐汇店', 'SH01-20261123-0007', '陈晓明', '晚班临期商品巡检缺失', '5/5']) expect(text, expected).toContain(expected);
    expect(text).toContain(language === 'zh-CN' ? '部门负责人（签字）' : 'Dept. head (sign)');
    expect(squeezed(text)).toContain(language === 'zh-CN' ? '第1页/共1页' : 'Page1of1');
  }, 60_000);

  it('prints a zh-TW record sheet in Traditional characters', async () => {
    const html = sheetOf(typicalComplaint(), { language: 'zh-TW' });
    const pdf = await createChromiumPdfEngine()(html);
    if (!pdf.ok) throw new Error(pdf.error.message);
    await withTempDir(async (dir) => {
      const { pages } = await pdfFacts(pdf.value, dir);
      expect(pages).toHaveLength(1);
      const text = squeezed(pages[0] ?? '');
      for (const expected of ['客戶投訴記錄表', '投訴管道', '產品品質›過期變質', '部門負責人（簽字）', '第1頁/共1頁', '列印時間：']) expect(text, expected).toContain(expected);
      expect(text).not.toContain('客户投诉记录表');
    });
  }, 60_000);

  it('never leaves the signature block alone on the last page: the last timeline rows come with it', async () => {
    for (const sample of [{}, { extraNotes: 40 }]) {
      const { pages } = await printed(sampleSheet(sample));
      const last = pages.at(-1) ?? '';
      expect(pages.length, JSON.stringify(sample)).toBeGreaterThan(1);
      expect(last).toContain('投诉人（签字）');
      expect(last).toMatch(TIMELINE_ROW);
      expect(squeezed(last)).toContain(`第${pages.length}页/共${pages.length}页`);
    }
  }, 60_000);

  it('starts a 5 000-character description on page 1 and flows it on, leaving no page half empty', async () => {
    const description = `顾客反映${'冷柜里的牛奶已过期，店员态度冷淡，要求门店给出书面说明。'.repeat(200)}`.slice(0, 5000);
    const { pages } = await printed(sampleSheet({ description }));
    expect(pages[0]).toContain('顾客反映冷柜里的牛奶已过期');
    // About 60 characters a line, 50 lines a page: the description needs two pages, the rest of the sheet two more.
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const page of pages.slice(0, -1)) expect(page.split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThan(40);
  }, 60_000);
});

describe('createChromiumPdfEngine', () => {
  it('refuses with pdf_unavailable when Chromium is not where it is looked for', async () => {
    const result = await createChromiumPdfEngine({ chromiumPath: '/nonexistent/chromium' })('<p>x</p>');
    expect(result).toMatchObject({ ok: false, error: { code: 'pdf_unavailable' } });
  });

  it('keeps Chromium off the network and without its own header and footer', () => {
    const args = chromiumPdfArgs('/tmp/a b.html', '/tmp/out.pdf', '/tmp/profile');
    expect(args).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-background-networking', '--no-pdf-header-footer', '--print-to-pdf=/tmp/out.pdf']));
    expect(args.at(-1)).toBe('file:///tmp/a%20b.html');
  });
});
