/**
 * A bug in the window (STYLE §6: bugs are not refusals) goes to main's log through `app.reportBug`, cut to the
 * contract's bounds. Reporting never throws: a window that just broke must not break again while telling.
 */
import { BUG_REPORT_LIMITS, type ApiInput } from '../../shared/api/contract';
import type { Api } from '../platform/transport';

export type BugReport = ApiInput<'app.reportBug'>;

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** What to report of something thrown: its message, its stack and React's component stack, and the route. */
export function bugReportOf(error: unknown, route: string, componentStack?: string | null): BugReport {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${safeString(error)}`;
  const stacks = [error instanceof Error ? error.stack : undefined, componentStack ? `React components:${componentStack}` : undefined].filter(
    (part): part is string => !!part,
  );
  return {
    message: cut(message, BUG_REPORT_LIMITS.message),
    ...(stacks.length > 0 ? { stack: cut(stacks.join('\n\n'), BUG_REPORT_LIMITS.stack) } : {}),
    route: cut(route, BUG_REPORT_LIMITS.route),
  };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Sends the report; true when main logged it. A refusal (rate limit) or an unreachable main is only logged here. */
export async function reportBug(api: Pick<Api, 'call'>, report: BugReport): Promise<boolean> {
  try {
    const result = await api.call('app.reportBug', report);
    if (!result.ok) console.warn('The bug could not be reported to main', result.error.code);
    return result.ok;
  } catch (error) {
    console.warn('The bug could not be reported to main', error);
    return false;
  }
}
