import { describe, expect, it } from 'vitest';
import { BUG_REPORT_LIMITS } from '../../shared/api/contract';
import { refuse, type Result } from '../../shared/result';
import { bugReportOf, reportBug, type BugReport } from './reportBug';

/** An api that records the calls it gets and answers with `answer`. */
function fakeApi(answer: () => Promise<Result<unknown>>) {
  const calls: { method: string; input: unknown }[] = [];
  const api = {
    call: async (method: string, input: unknown) => {
      calls.push({ method, input });
      return answer();
    },
  } as unknown as Parameters<typeof reportBug>[0];
  return { api, calls };
}

describe('bugReportOf', () => {
  it('reports the error’s name, message, stack, React’s component stack and the route', () => {
    const error = new TypeError('row.grade is undefined');
    const report = bugReportOf(error, '#/complaints/c-1', '\n    at Row\n    at Register');
    expect(report.message).toBe('TypeError: row.grade is undefined');
    expect(report.stack).toContain(error.stack ?? '');
    expect(report.stack).toContain('React components:\n    at Row');
    expect(report.route).toBe('#/complaints/c-1');
  });

  it('cuts every text to the contract’s bounds, and copes with something thrown that is not an Error', () => {
    const huge = new Error('m'.repeat(5_000));
    huge.stack = 's'.repeat(50_000);
    const report = bugReportOf(huge, `#/${'r'.repeat(500)}`);
    expect(report.message.length).toBe(BUG_REPORT_LIMITS.message);
    expect(report.stack?.length).toBe(BUG_REPORT_LIMITS.stack);
    expect(report.route.length).toBe(BUG_REPORT_LIMITS.route);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(bugReportOf(circular, '#/').message).toBe('thrown: [object Object]');
    expect(bugReportOf('plain text', '#/')).toEqual({ message: 'thrown: plain text', route: '#/' });
  });
});

describe('reportBug', () => {
  const report: BugReport = { message: 'TypeError: x', stack: 'at Row', route: '#/' };

  it('sends the report to main over app.reportBug', async () => {
    const { api, calls } = fakeApi(async () => ({ ok: true, value: {} }));
    expect(await reportBug(api, report)).toBe(true);
    expect(calls).toEqual([{ method: 'app.reportBug', input: report }]);
  });

  it('never throws: a refusal (rate limit) or a transport that throws is only a false', async () => {
    expect(await reportBug(fakeApi(async () => refuse('too_many_bug_reports', 'slow down')).api, report)).toBe(false);
    expect(await reportBug(fakeApi(() => Promise.reject(new Error('gone'))).api, report)).toBe(false);
  });
});
