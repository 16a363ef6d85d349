#!/usr/bin/env node
/**
 * `npm start` — install and run. With the Electron runtime present: build and open the desktop app
 * (`electron-vite preview`). Without it (locked-down offices, build machines): build, then start browser
 * mode and say which address to open. Extra arguments (e.g. `-- --data-dir D:\desk --lang en`) are passed
 * on to the app in both cases.
 */
import console from 'node:console';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { setInterval, clearInterval } from 'node:timers';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const appArgs = process.argv.slice(2);

function electronRuntimePresent() {
  try {
    // node_modules/electron resolves to the binary's path, and throws when the download was skipped.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

/** Runs a child with the same terminal; passes Ctrl+C / SIGTERM on; resolves with its exit code. */
function run(args, { onLine } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['inherit', onLine ? 'pipe' : 'inherit', 'inherit'] });
    if (onLine) {
      let buffered = '';
      child.stdout.on('data', (chunk) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
    }
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    // npm runs this through `sh -c`, which dies on SIGTERM without passing it on: stop the child then too.
    const parent = process.ppid;
    const orphanCheck = setInterval(() => process.ppid !== parent && forward('SIGTERM'), 500);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      clearInterval(orphanCheck);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

if (electronRuntimePresent()) {
  process.exitCode = await run([electronVite, 'preview', ...(appArgs.length > 0 ? ['--', ...appArgs] : [])]);
} else {
  console.log('Electron runtime not found — starting in browser mode (building the app first)…');
  const built = await run([electronVite, 'build']);
  if (built !== 0) {
    console.error('The build failed; see the messages above.');
    process.exitCode = built;
  } else {
    process.exitCode = await run(['--import', 'tsx', join(root, 'electron', 'web', 'cli.ts'), ...appArgs], {
      onLine: (line) => {
        console.log(line);
        if (line.startsWith('http://127.0.0.1:')) {
          console.log(`\nElectron runtime not found — starting in browser mode: open ${line}\n(Press Ctrl+C to stop.)`);
        }
      },
    });
  }
}
