import { join } from 'node:path';
import { build } from 'esbuild';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

async function iife(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, minify: true, logLevel: 'silent', define });
  const script = result.outputFiles[0]?.text;
  if (!script) throw new Error(`esbuild produced nothing for ${entry}`);
  return script;
}

/**
 * in-page/entry.ts as one IIFE script, ready for `page.addScriptTag({ content })`, with the app's answer worker
 * (renderer/platform/answer-worker-entry.ts) as the text of its script: the page starts it as the app does.
 */
export async function benchBundle(): Promise<string> {
  const worker = await iife(join(repoRoot, 'renderer', 'platform', 'answer-worker-entry.ts'));
  return iife(join(import.meta.dirname, 'in-page', 'entry.ts'), { ANSWER_WORKER_SCRIPT: JSON.stringify(worker) });
}
