import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ExportAuditEntrySchema } from '../../shared/export/audit';
import { sampleComplaint } from '../../shared/print/testing';
import { ok, refuse } from '../../shared/result';
import { memoryLogger, withTempDir, inWindow, seedJournal } from '../../tests/unit/platform/fixtures';
import { openDesk, type Desk } from './desk';
import type { DocumentPlatform } from './documents';
import { downloadDelivery } from './documents';

const SETUP = {
  branchCode: 'SH01',
  branchName: '上海徐汇店',
  timeZone: 'Asia/Shanghai',
  adminUsername: 'admin',
  password: 'correct horse',
  confirmPassword: 'correct horse',
};

const sample = sampleComplaint();
const complaintId = sample.state.id;

/** A desk with the branch set up, the sample complaint journaled, a staff user, and the admin signed in. */
async function withDesk(platform: DocumentPlatform, work: (desk: Desk, dir: string, printed: string[]) => Promise<void>, now?: () => Date) {
  await withTempDir(async (dir) => {
    const open = () => openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), documents: platform, ...(now ? { now } : {}) });
    const first = await open();
    expect(await inWindow(first)('setup.createBranch', SETUP)).toMatchObject({ ok: true });
    expect(await inWindow(first)('users.create', { username: 'xiaoli', role: 'staff', password: 'staff pass 1' })).toMatchObject({ ok: true });
    await first.close();
    // The sample's history, as an earlier run of the app left it in the journal.
    await seedJournal(dir, sample.events);
    const desk = await open();
    try {
      expect(await inWindow(desk)('auth.signIn', { username: 'admin', password: 'correct horse' })).toMatchObject({ ok: true });
      await work(desk, dir, []);
    } finally {
      await desk.close();
    }
  });
}

const signInStaff = async (desk: Desk) => expect(await inWindow(desk)('auth.signIn', { username: 'xiaoli', password: 'staff pass 1' })).toMatchObject({ ok: true });

/** A PDF engine that records the HTML it was given. */
function recordingPlatform(): DocumentPlatform & { html: string[] } {
  const html: string[] = [];
  return { html, pdf: async (page) => (html.push(page), ok(new TextEncoder().encode('%PDF-1.7 fake'))), deliver: downloadDelivery };
}

describe('documents.savePdf', () => {
  it("renders the sheet from main's journal and hands the PDF back for download in browser mode", async () => {
    const platform = recordingPlatform();
    await withDesk(platform, async (desk) => {
      const result = await inWindow(desk)('documents.savePdf', { complaintId, language: 'zh-CN' });
      expect(result).toMatchObject({ ok: true, value: { delivery: 'download', fileName: '客户投诉记录表-SH01-20261123-0007.pdf', mime: 'application/pdf' } });
      if (!result.ok) return;
      const value = result.value as { base64: string };
      expect(Buffer.from(value.base64, 'base64').toString('latin1')).toBe('%PDF-1.7 fake');
      expect(platform.html[0]).toContain('上海徐汇店');
      expect(platform.html[0]).toContain('陈晓明'); // the sheet is for signature: personal data in full
    });
  });

  it('refuses an unknown complaint, a signed-out caller and a missing PDF engine, each with its code', async () => {
    const unavailable: DocumentPlatform = { pdf: async () => refuse('pdf_unavailable', 'no chromium'), deliver: downloadDelivery };
    await withDesk(unavailable, async (desk) => {
      expect(await inWindow(desk)('documents.savePdf', { complaintId: 'nope' })).toMatchObject({ ok: false, error: { code: 'complaint_not_found' } });
      expect(await inWindow(desk)('documents.savePdf', { complaintId })).toMatchObject({ ok: false, error: { code: 'pdf_unavailable' } });
      await inWindow(desk)('auth.signOut', {});
      expect(await inWindow(desk)('documents.savePdf', { complaintId })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    });
  });

  it("refuses staff a complaint assigned to someone else, as the printRecord command does", async () => {
    await withDesk(recordingPlatform(), async (desk) => {
      await signInStaff(desk);
      expect(await inWindow(desk)('documents.recordSheetHtml', { complaintId })).toMatchObject({ ok: false, error: { code: 'not_assignee' } });
    });
  });
});

describe('documents.print and documents.recordSheetHtml', () => {
  it('shows events journaled after an earlier print (the index catches up)', async () => {
    await withDesk(recordingPlatform(), async (desk) => {
      const html = async () => {
        const sheet = await inWindow(desk)('documents.recordSheetHtml', { complaintId });
        return sheet.ok ? (sheet.value as { html: string }).html : '';
      };
      expect(await html()).not.toContain('共 3 份');
      const printed = { requestId: 'print-after-print', action: 'printRecord', complaintId, input: { purpose: 'filing', output: 'printer', copies: 3 } };
      expect(await inWindow(desk)('complaints.decide', printed)).toMatchObject({ ok: true });
      expect(await html()).toContain('共 3 份');
    });
  });
  it('has no print dialog in browser mode, but gives the preview HTML in the settings language', async () => {
    await withDesk(recordingPlatform(), async (desk) => {
      expect(await inWindow(desk)('documents.print', { complaintId })).toMatchObject({ ok: false, error: { code: 'print_unavailable' } });
      await inWindow(desk)('settings.set', { language: 'en' });
      const sheet = await inWindow(desk)('documents.recordSheetHtml', { complaintId });
      expect(sheet).toMatchObject({ ok: true, value: { fileName: 'Customer Complaint Record Sheet-SH01-20261123-0007.pdf' } });
      expect(sheet.ok && (sheet.value as { html: string }).html).toContain('Customer Complaint Record Sheet');
    });
  });

  it('prints through the platform dialog where there is one', async () => {
    const printed: string[] = [];
    const platform: DocumentPlatform = { ...recordingPlatform(), print: async (html) => (printed.push(html), ok({ printed: true })) };
    await withDesk(platform, async (desk) => {
      expect(await inWindow(desk)('documents.print', { complaintId })).toEqual({ ok: true, value: { printed: true } });
      expect(printed).toHaveLength(1);
    });
  });
});

describe('exports.register', () => {
  const decode = (result: Awaited<ReturnType<Desk['dispatch']>>) => {
    if (!result.ok) throw new Error(result.error.message);
    return Buffer.from((result.value as { base64: string }).base64, 'base64');
  };

  it('gives a supervisor (here the admin) the personal data and staff a masked CSV', async () => {
    await withDesk(recordingPlatform(), async (desk) => {
      const full = decode(await inWindow(desk)('exports.register', { format: 'csv', complaintIds: [complaintId, 'not-in-journal'] })).toString('utf8');
      expect(full.charCodeAt(0)).toBe(0xfeff);
      expect(full).toContain('13812345678');
      expect(full.split('\r\n').filter(Boolean)).toHaveLength(2); // header + the one complaint the journal holds
      await signInStaff(desk);
      const masked = decode(await inWindow(desk)('exports.register', { format: 'csv', complaintIds: [complaintId] })).toString('utf8');
      expect(masked).not.toContain('13812345678');
      expect(masked).toContain('138****5678');
    });
  });

  it("names the file with the branch's local date, not the UTC one", async () => {
    // 07:30 on 24 November in Shanghai is still the 23rd in UTC.
    const morning = () => new Date('2026-11-23T23:30:00.000Z');
    await withDesk(
      recordingPlatform(),
      async (desk) => {
        const result = await inWindow(desk)('exports.register', { format: 'csv', complaintIds: [complaintId], language: 'en' });
        expect(result).toMatchObject({ ok: true, value: { fileName: 'complaint-register-SH01-20261124.csv' } });
      },
      morning,
    );
  });

  it('writes an .xlsx that Python’s zipfile reads without a bad entry', async () => {
    await withDesk(recordingPlatform(), async (desk, dir) => {
      const result = await inWindow(desk)('exports.register', { format: 'xlsx', complaintIds: [complaintId], language: 'zh-CN' });
      expect(result).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/^投诉登记簿-SH01-\d{8}\.xlsx$/) } });
      const bytes = decode(result);
      const sheet = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
      expect(sheet).toContain('SH01-20261123-0007');
      const file = join(dir, 'register.xlsx');
      await writeFile(file, bytes);
      const check = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip() or "ok", len(z.namelist()))';
      expect(execFileSync('python3', ['-c', check, file]).toString().trim()).toBe('ok 6');
    });
  });

  it('refuses a format it does not write, changing nothing', async () => {
    await withDesk(recordingPlatform(), async (desk) => {
      expect(await inWindow(desk)('exports.register', { format: 'pdf', complaintIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'format' } });
    });
  });
});

describe('the export audit log', () => {
  /** The log's lines about documents (it records sign-ins and account changes too). */
  const auditLines = async (dir: string) =>
    (await readFile(join(dir, 'audit', 'exports.jsonl'), 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { kind: string })
      .filter((line) => ['export', 'pdf', 'print', 'print-preview'].includes(line.kind))
      .map((line) => ExportAuditEntrySchema.parse(line));

  /** Electron's platform, as far as documents go: a save dialog that saves (or is cancelled) and a print dialog. */
  function dialogPlatform(choices: { save: 'saved' | 'cancelled'; print: boolean }): DocumentPlatform {
    return {
      ...recordingPlatform(),
      print: async () => ok({ printed: choices.print }),
      deliver: async (file) => ok(choices.save === 'saved' ? { delivery: 'saved', fileName: file.fileName, path: `/home/li/Documents/${file.fileName}` } : { delivery: 'cancelled' }),
    };
  }

  it("records a register export with who, when, the register's filter and how many rows", async () => {
    await withDesk(recordingPlatform(), async (desk, dir) => {
      await signInStaff(desk);
      const filter = { status: 'closed', grade: '2', from: '2026-11-01', to: '2026-11-30', search: '牛奶', sort: { by: 'receivedAt', direction: 'desc' } };
      const before = Date.now();
      const result = await inWindow(desk)('exports.register', { format: 'xlsx', complaintIds: [complaintId, 'not-in-journal'], language: 'en', filter });
      expect(result).toMatchObject({ ok: true, value: { delivery: 'download' } });
      const [entry, ...rest] = await auditLines(dir);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({
        v: 1,
        username: 'xiaoli',
        role: 'staff',
        kind: 'export',
        format: 'xlsx',
        delivery: 'download',
        language: 'en',
        complaintCount: 1,
        requestedCount: 2,
        filter,
        personalDataMasked: true,
        fileName: expect.stringMatching(/^complaint-register-SH01-\d{8}\.xlsx$/),
      });
      expect(entry?.userId).toMatch(/^u-/);
      expect(Date.parse(entry?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    });
  });

  it('records PDFs, prints and browser-mode print previews of a record sheet, but not a cancelled dialog', async () => {
    await withDesk(dialogPlatform({ save: 'saved', print: true }), async (desk, dir) => {
      await inWindow(desk)('documents.savePdf', { complaintId, language: 'zh-CN' });
      await inWindow(desk)('documents.print', { complaintId });
      await inWindow(desk)('documents.recordSheetHtml', { complaintId, language: 'en' });
      await inWindow(desk)('exports.register', { format: 'csv', complaintIds: [complaintId] });
      const entries = await auditLines(dir);
      expect(entries.map((e) => [e.kind, e.format, e.delivery, e.language, e.complaintCount])).toEqual([
        ['pdf', 'pdf', 'saved', 'zh-CN', 1],
        ['print', 'printer', 'printed', 'zh-CN', 1],
        ['print-preview', 'html', 'preview', 'en', 1],
        ['export', 'csv', 'saved', 'zh-CN', 1],
      ]);
      expect(entries[0]).toMatchObject({ username: 'admin', role: 'admin', complaintId, complaintNumber: 'SH01-20261123-0007', fileName: '客户投诉记录表-SH01-20261123-0007.pdf', path: '/home/li/Documents/客户投诉记录表-SH01-20261123-0007.pdf', personalDataMasked: false });
      expect(entries[3]).toMatchObject({ personalDataMasked: false });
      expect(entries[3]?.filter).toBeUndefined(); // an older renderer sends none: still recorded
    });
    await withDesk(dialogPlatform({ save: 'cancelled', print: false }), async (desk, dir) => {
      expect(await inWindow(desk)('documents.savePdf', { complaintId })).toEqual({ ok: true, value: { delivery: 'cancelled' } });
      expect(await inWindow(desk)('documents.print', { complaintId })).toEqual({ ok: true, value: { printed: false } });
      expect(await inWindow(desk)('exports.register', { format: 'xlsx', complaintIds: [complaintId] })).toEqual({ ok: true, value: { delivery: 'cancelled' } });
      expect(await auditLines(dir)).toEqual([]);
    });
  });

  it('records nothing for a refused call, and refuses a filter that is not the contract’s', async () => {
    await withDesk(recordingPlatform(), async (desk, dir) => {
      const call = (filter: unknown) => inWindow(desk)('exports.register', { format: 'csv', complaintIds: [complaintId], filter });
      expect(await call({ search: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call({ from: '2026-11-01T00:00' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call({ html: '<b>' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await inWindow(desk)('documents.savePdf', { complaintId: 'nope' })).toMatchObject({ ok: false });
      await signInStaff(desk);
      expect(await inWindow(desk)('documents.recordSheetHtml', { complaintId })).toMatchObject({ ok: false, error: { code: 'not_assignee' } });
      expect(await auditLines(dir)).toEqual([]);
    });
  });

  it('keeps earlier lines when the desk opens again (append-only)', async () => {
    await withDesk(recordingPlatform(), async (desk, dir) => {
      await inWindow(desk)('exports.register', { format: 'csv', complaintIds: [complaintId], filter: { overdue: true } });
      await desk.close();
      const again = await openDesk({ dataDir: dir, mode: 'browser', version: '0.1.0', validateOutput: true, log: memoryLogger(), documents: recordingPlatform() });
      try {
        expect(await inWindow(again)('auth.signIn', { username: 'admin', password: 'correct horse' })).toMatchObject({ ok: true });
        await inWindow(again)('exports.register', { format: 'xlsx', complaintIds: [complaintId] });
      } finally {
        await again.close();
      }
      expect((await auditLines(dir)).map((e) => [e.format, e.filter])).toEqual([
        ['csv', { overdue: true }],
        ['xlsx', undefined],
      ]);
    });
  });
});
