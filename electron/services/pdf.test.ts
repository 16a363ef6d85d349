import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleSheet } from '../../shared/print/testing';
import { withTempDir } from '../../tests/unit/platform/fixtures';
import { chromiumPath, chromiumPdfArgs, createChromiumPdfEngine } from './pdf';

const chromium = chromiumPath();
const hasTools = existsSync(chromium) && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
if (!hasTools) console.warn(`pdf.test: skipping the Chromium PDF checks: needs ${chromium} (or CHROMIUM_PATH), pdftotext and pdfinfo (poppler-utils)`);

const sheetHtml = (extraNotes: number): string => sampleSheet({ extraNotes });

async function pdfFacts(pdf: Uint8Array, dir: string): Promise<{ text: string; pages: number; size: string }> {
  const file = join(dir, 'sheet.pdf');
  await writeFile(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), size: /Page size:.*\((\w+)\)/.exec(info)?.[1] ?? '' };
}

describe.skipIf(!hasTools)('record sheet through Chromium headless', () => {
  it('prints A4 pages whose text holds the Chinese record, the page counter and the signature lines', async () => {
    const pdf = await createChromiumPdfEngine()(sheetHtml(0));
    if (!pdf.ok) throw new Error(pdf.error.message);
    await withTempDir(async (dir) => {
      const { text, pages, size } = await pdfFacts(pdf.value, dir);
      expect(size).toBe('A4');
      expect(pages).toBeLessThanOrEqual(2);
      for (const expected of ['客户投诉记录表', '上海徐汇店', 'SH01-20261123-0007', '陈晓明', '晚班临期商品巡检缺失', '部门负责人', '投诉人（签字）', '打印时间：2026-11-30 14:30']) {
        expect(text, expected).toContain(expected);
      }
      expect(text.replace(/\s+/g, '')).toContain(`第1页/共${pages}页`);
    });
  }, 60_000);

  it('runs onto further pages only for a long timeline, with the page counter on each', async () => {
    const pdf = await createChromiumPdfEngine()(sheetHtml(40));
    if (!pdf.ok) throw new Error(pdf.error.message);
    await withTempDir(async (dir) => {
      const { text, pages } = await pdfFacts(pdf.value, dir);
      expect(pages).toBeGreaterThan(2);
      expect(text.replace(/\s+/g, '')).toContain(`第${pages}页/共${pages}页`);
      expect(text).toContain('第 40 次跟进');
    });
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
