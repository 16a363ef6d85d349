import { join } from 'node:path';
import { build } from 'esbuild';

/** in-page/entry.ts as one IIFE script, ready for `page.addScriptTag({ content })`. */
export async function benchBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'in-page', 'entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (!script) throw new Error('esbuild produced no bench bundle');
  return script;
}
