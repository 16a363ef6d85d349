/**
 * Browser mode for the benchmarks: like the e2e harness's startDesk, but as the installed app runs (NODE_ENV
 * production: main does not re-check its own answers against the contract) and with time to fold a large
 * journal before it prints its address, which is timed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BenchServer {
  readonly url: string;
  /** ms from spawning until the address was printed: Node start, opening the services, folding the journal. */
  readonly openMs: number;
  stop(): Promise<void>;
}

const repoRoot = join(import.meta.dirname, '..', '..', '..');

export async function startBenchServer(dataDir: string, timeoutMs = 15 * 60_000): Promise<BenchServer> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data-dir', dataDir, '--lang', 'en'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (!line) return;
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  const openMs = performance.now() - started;
  const stop = (): Promise<void> =>
    child.exitCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
  return { url, openMs, stop };
}
