/**
 * The Node side of `window.deskBench`: calls into the page-side bundle (in-page/entry.ts) and
 * parses what comes back — the page is another program, its answers are checked like any input.
 */
import type { Frame, Page } from '@playwright/test';
import { z } from 'zod';
import { benchBundle } from './bundle';

let bundle: Promise<string> | undefined;

/** Adds the bench bundle to the page (once per document); the app's origin gives it the app's IndexedDB. */
export async function addBench(page: Page | Frame): Promise<void> {
  bundle ??= benchBundle();
  if (await page.evaluate('typeof window.deskBench === "object"')) return;
  await page.addScriptTag({ content: await bundle });
}

export async function callBench<S extends z.ZodType>(page: Page | Frame, method: string, args: readonly unknown[], schema: S): Promise<z.infer<S>> {
  // Dexie's errors are not Error instances to Playwright (it would print only their minified class name).
  const call = `Promise.resolve().then(() => window.deskBench.${method}(...${JSON.stringify(args)}))`;
  const answer: unknown = await page.evaluate(`${call}.catch((e) => { throw new Error(\`\${e && e.name}: \${e && e.message}\${e && e.inner ? \` (inner: \${e.inner.name}: \${e.inner.message})\` : ''}\`); })`);
  return schema.parse(answer);
}

export const Timings = z.array(z.number().nonnegative());

export const RestoreAnswer = z.object({
  ms: z.number(),
  /** Of `ms`, what came after the last page was imported: its blocks still queued, and the rows held to the end. */
  afterPagesMs: z.number(),
  restoredEvents: z.number().int(),
  discarded: z.number().int(),
  events: z.number().int(),
  complaints: z.number().int(),
  searchDocs: z.number().int(),
});

const BareTableMs = z.object({ journalBlocks: z.number(), complaints: z.number(), searchHours: z.number(), kpiHours: z.number() });
export const BareWriteAnswer = z.object({ ms: z.number(), byTable: BareTableMs, events: z.number().int(), complaints: z.number().int(), transactions: z.number().int() });

export const RegisterAnswer = z.object({ timings: Timings, first: z.string() });

export const BareRegistrationsAnswer = z.object({ bareMs: Timings, transactionMs: Timings });

export const FloorsAnswer = z.object({ plainMs: Timings, searchMs: Timings, timelineMs: Timings });

/**
 * Runs in every new document of the context (so it sees a reload from its very start): notes the
 * `performance.now()` — ms since navigation start — at which the register's first real row appears. Plain
 * JavaScript because it must not bring the bench bundle's parse time into the page load it measures.
 */
export const FIRST_ROW_WATCH = `(() => {
  const seen = { firstRowMs: undefined };
  window.__benchLoad = seen;
  const observer = new MutationObserver(() => {
    const cell = document.querySelector('[role="grid"] [role="rowgroup"] [role="row"] [role="gridcell"]');
    if (!cell || cell.getBoundingClientRect().height === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (seen.firstRowMs = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export async function firstRowSinceNavigation(page: Page): Promise<number> {
  await page.waitForFunction('window.__benchLoad && window.__benchLoad.firstRowMs !== undefined', undefined, { timeout: 120_000 });
  return z.number().parse(await page.evaluate('window.__benchLoad.firstRowMs'));
}
