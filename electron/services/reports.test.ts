import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeliverySchema } from '../../shared/api/documents';
import { reportsContract } from '../../shared/api/reports';
import { AuditEntrySchema } from '../../shared/audit/entries';
import { ok } from '../../shared/result';
import { generateSeed } from '../../shared/seed/generator';
import { createRandom } from '../../shared/seed/random';
import { memoryLogger, withTempDir, inWindow, seedJournal } from '../../tests/unit/platform/fixtures';
import { openDesk, type Desk } from './desk';
import { downloadDelivery, type DocumentPlatform } from './documents';
import { chromiumPath, createChromiumPdfEngine } from './pdf';

const seed = generateSeed({ branches: 1, complaints: 250, days: 120, now: '2026-11-28T08:00:00.000Z' }, createRandom(5));
const branch = seed.branches[0];
if (!branch) throw new Error('the seed has no branch');
const SETUP = { branchCode: branch.code, branchName: '上海徐汇店', timeZone: 'Asia/Shanghai', adminUsername: 'admin', password: 'correct horse', confirmPassword: 'correct horse' };
/** 1 December, 10:00 in Shanghai: November is the last whole month. */
const NOW = new Date('2026-12-01T02:00:00.000Z');
const NOVEMBER = { kind: 'month', start: '2026-11-01' } as const;

/** A desk with the branch set up, the seed's complaints journaled, a supervisor and a clerk, and the admin signed in. */
async function withDesk(platform: DocumentPlatform, work: (desk: Desk, dir: string) => Promise<void>) {
  await withTempDir(async (dir) => {
    const open = () => openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), documents: platform, now: () => NOW });
    const first = await open();
    expect(await inWindow(first)('setup.createBranch', SETUP)).toMatchObject({ ok: true });
    expect(await inWindow(first)('users.create', { username: 'wang', displayName: '王建国', role: 'supervisor', password: 'super pass 1' })).toMatchObject({ ok: true });
    expect(await inWindow(first)('users.create', { username: 'xiaoli', role: 'staff', password: 'staff pass 1' })).toMatchObject({ ok: true });
    await first.close();
    await seedJournal(dir, seed.events);
    const desk = await open();
    try {
      expect(await inWindow(desk)('auth.signIn', { username: 'wang', password: 'super pass 1' })).toMatchObject({ ok: true });
      await work(desk, dir);
    } finally {
      await desk.close();
    }
  });
}

/** The audit log's report lines. */
const reportLines = async (dir: string) =>
  (await readFile(join(dir, 'audit', 'exports.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => AuditEntrySchema.parse(JSON.parse(line)))
    .filter((entry) => entry.kind === 'report');

const hasTools = existsSync(chromiumPath()) && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
if (!hasTools) console.warn(`reports.test: skipping the Chromium PDF check: needs ${chromiumPath()} (or CHROMIUM_PATH), pdftotext and pdfinfo`);

/** Each page's text as pdftotext reads it, and the paper size. */
function pdfPages(file: string): { pages: string[]; size: string } {
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-']).toString('utf8'));
  return { pages, size: /Page size:.*\((\w+)\)/.exec(info)?.[1] ?? '' };
}
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!hasTools)('reports.savePdf through Chromium headless', () => {
  it('writes an A4 PDF in Chinese with the branch and "page n of m" on every page, and the month’s figures', async () => {
    await withDesk({ pdf: createChromiumPdfEngine(), deliver: downloadDelivery }, async (desk, dir) => {
      const preview = await inWindow(desk)('reports.branchHtml', { ...NOVEMBER, language: 'zh-CN' });
      if (!preview.ok) throw new Error(preview.error.message);
      const { html } = reportsContract['reports.branchHtml'].output.parse(preview.value);
      const volume = /投诉量（件）<\/td><td class="number">(\d+)</.exec(html)?.[1];
      expect(Number(volume)).toBeGreaterThan(10);
      const saved = await inWindow(desk)('reports.savePdf', { ...NOVEMBER, language: 'zh-CN' });
      expect(saved).toMatchObject({ ok: true, value: { delivery: 'download', fileName: '上海徐汇店 客户投诉月度报告 2026年11月.pdf', mime: 'application/pdf' } });
      const delivered = saved.ok ? DeliverySchema.parse(saved.value) : undefined;
      if (delivered?.delivery !== 'download') return;
      const file = join(dir, 'report.pdf');
      await writeFile(file, Buffer.from(delivered.base64, 'base64'));
      const { pages, size } = pdfPages(file);
      expect(size).toBe('A4');
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, index) => {
        expect(page).toContain('上海徐汇店');
        expect(squeezed(page)).toContain(`第${index + 1}页/共${pages.length}页`);
      });
      const first = squeezed(pages[0] ?? '');
      for (const expected of ['客户投诉月度报告', '2026年11月（2026-11-01至2026-11-30）', `投诉量（件）${volume}`, '响应及时率', '综合KPI排名', '生成人：王建国']) expect(first).toContain(expected);
      const all = squeezed(pages.join(''));
      for (const expected of ['逾期投诉', '重大投诉', '未完成的整改措施']) expect(all).toContain(expected);
    });
  }, 90_000);
});

describe('reports', () => {
  /** Electron's platform, as far as documents go: a save dialog that saves (or is cancelled) and a print dialog. */
  const dialogPlatform = (save: 'saved' | 'cancelled', printed: boolean): DocumentPlatform => ({
    pdf: async () => ok(new TextEncoder().encode('%PDF-1.7 fake')),
    print: async () => ok({ printed }),
    deliver: async (file) => ok(save === 'saved' ? { delivery: 'saved', fileName: file.fileName, path: `/home/wang/${file.fileName}` } : { delivery: 'cancelled' }),
  });

  it('records each report saved, printed or previewed with who, when, the period and how; not a cancelled dialog', async () => {
    await withDesk(dialogPlatform('saved', true), async (desk, dir) => {
      expect(await inWindow(desk)('reports.savePdf', { ...NOVEMBER, language: 'en' })).toMatchObject({ ok: true, value: { delivery: 'saved' } });
      expect(await inWindow(desk)('reports.print', { kind: 'quarter', start: '2026-10-01' })).toMatchObject({ ok: true, value: { printed: true } });
      expect(await inWindow(desk)('reports.branchHtml', NOVEMBER)).toMatchObject({ ok: true });
      const lines = await reportLines(dir);
      expect(lines).toEqual([
        expect.objectContaining({ username: 'wang', role: 'supervisor', at: NOW.toISOString(), period: NOVEMBER, format: 'pdf', delivery: 'saved', language: 'en', path: '/home/wang/上海徐汇店 Monthly complaint report November 2026.pdf' }),
        expect.objectContaining({ period: { kind: 'quarter', start: '2026-10-01' }, format: 'printer', delivery: 'printed', language: 'zh-CN' }),
        expect.objectContaining({ period: NOVEMBER, format: 'html', delivery: 'preview' }),
      ]);
      expect(lines[0]?.kind === 'report' && lines[0].complaintCount).toBeGreaterThan(10);
    });
    await withDesk(dialogPlatform('cancelled', false), async (desk, dir) => {
      expect(await inWindow(desk)('reports.savePdf', NOVEMBER)).toMatchObject({ ok: true, value: { delivery: 'cancelled' } });
      expect(await inWindow(desk)('reports.print', NOVEMBER)).toMatchObject({ ok: true, value: { printed: false } });
      expect(await reportLines(dir)).toEqual([]);
    });
  });

  it('refuses a malformed or future period and a clerk, each with its code, and records nothing', async () => {
    await withDesk(dialogPlatform('saved', true), async (desk, dir) => {
      const call = inWindow(desk);
      expect(await call('reports.savePdf', { kind: 'month', start: '2026-11-02' })).toMatchObject({ ok: false, error: { code: 'report_period_invalid' } });
      expect(await call('reports.savePdf', { kind: 'quarter', start: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'report_period_invalid' } });
      expect(await call('reports.savePdf', { kind: 'month', start: '2027-01-01' })).toMatchObject({ ok: false, error: { code: 'report_period_future' } });
      expect(await call('reports.savePdf', { kind: 'week', start: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('reports.branchHtml', { kind: 'month', start: '2026-11' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('auth.signIn', { username: 'xiaoli', password: 'staff pass 1' })).toMatchObject({ ok: true });
      expect(await call('reports.branchHtml', NOVEMBER)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(await reportLines(dir)).toEqual([]);
    });
  });
});
