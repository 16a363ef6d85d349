#!/usr/bin/env node
/**
 * `npm run audit:electron`: Electronegativity over electron/ and renderer/ (TypeScript parsed), scanned
 * together so its global checks (navigation limits, permission handler, CSP) see main and renderer at once.
 * Fails on any finding not explained in scripts/electronegativity-allowlist.json, on an allow-list entry
 * that no longer matches anything (stale explanations hide real changes), and on files it cannot parse.
 */
import console from 'node:console';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const root = fileURLToPath(new URL('..', import.meta.url));
const allowListFile = join(root, 'scripts', 'electronegativity-allowlist.json');

// Fetches Electron's release list from GitHub: needs the internet, which build machines here do not have.
// Electron upgrades are tracked through npm instead.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const allowList = JSON.parse(await readFile(allowListFile, 'utf8'));
for (const entry of allowList) {
  if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string' || entry.reason.length < 20) {
    throw new Error(`${allowListFile}: every entry needs check, file and a reason of a sentence: ${JSON.stringify(entry)}`);
  }
}

const scanDir = await mkdtemp(join(tmpdir(), 'desk-electronegativity-'));
try {
  await cp(join(root, 'electron'), join(scanDir, 'electron'), { recursive: true, filter: (path) => !/\.test\.ts$/.test(path) });
  await cp(join(root, 'renderer'), join(scanDir, 'renderer'), { recursive: true, filter: (path) => !/\.test\.tsx?$/.test(path) });
  await cp(join(root, 'package.json'), join(scanDir, 'package.json'));

  const result = await run({ input: scanDir, isRelative: true, excludeFromScan: EXCLUDED_CHECKS, parserPlugins: [] });
  const fatal = result.errors.filter((error) => !error.tolerable);
  const key = (check, file) => `${check} ${file}`;
  const allowed = new Map(allowList.map((entry) => [key(entry.check, entry.file), entry]));
  const seen = new Set();
  const unexplained = [];
  for (const issue of result.issues) {
    const file = issue.file.replaceAll('\\', '/');
    const entry = allowed.get(key(issue.id, file));
    if (entry) seen.add(key(entry.check, entry.file));
    else unexplained.push(`${issue.id} ${file}:${issue.location.line} — ${issue.description}`);
  }
  const stale = allowList.filter((entry) => !seen.has(key(entry.check, entry.file)));

  console.log(`Electronegativity: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} findings, ${result.issues.length - unexplained.length} explained.`);
  for (const line of unexplained) console.error(`UNEXPLAINED ${line}`);
  for (const entry of stale) console.error(`STALE allow-list entry (nothing matches it any more): ${entry.check} ${entry.file}`);
  for (const error of fatal) console.error(`PARSE ERROR ${error.file}: ${error.message}`);
  process.exitCode = unexplained.length + stale.length + fatal.length > 0 ? 1 : 0;
} finally {
  await rm(scanDir, { recursive: true, force: true });
}
