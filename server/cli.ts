/**
 * `npm run headoffice -- --port <port> [--host <address>] [--database-url postgres://…] [--data-dir <dir>] [--public-url <url>] [--lang zh-CN|en]`
 * `npm run headoffice -- import [--database-url …] [--data-dir <dir>] <file…>`
 * `npm run headoffice -- add-user <name> --role admin|supervisor [--display-name <name>] [--database-url …] [--data-dir <dir>]`
 *   (the password is read from HEADOFFICE_PASSWORD, or asked for on the terminal)
 *
 * Without --database-url head office keeps its database (embedded Postgres) in --data-dir (default
 * ./headoffice-data). The admin token is printed on the first run only. Head office's screens are the built
 * renderer (`npm run build` → out/renderer), served at the printed URL when it is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LanguageSchema } from '../shared/api/schemas';
import { createAccounts, HeadOfficeRoleSchema } from './accounts';
import { z } from 'zod';
import { importBatchFiles } from './files';
import { openHeadOfficeDatabase, startHeadOffice } from './headOffice';
import { createIngest } from './ingest';

const DEFAULT_DATA_DIR = 'headoffice-data';

const OptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8443),
  host: z.string().default('0.0.0.0'),
  'database-url': z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
  'data-dir': z.string().default(DEFAULT_DATA_DIR),
  'public-url': z.url({ protocol: /^https?$/ }).optional(),
  lang: LanguageSchema.optional(),
  role: HeadOfficeRoleSchema.optional(),
  'display-name': z.string().optional(),
});

/** The repository's root (this file is server/cli.ts). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const VERSION = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).version;

/** The new account's password: HEADOFFICE_PASSWORD (scripts), or typed on the terminal. */
async function readPassword(): Promise<string> {
  const given = process.env.HEADOFFICE_PASSWORD;
  if (given !== undefined) return given;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await terminal.question('Password for the new account: ');
  } finally {
    terminal.close();
  }
}

function printAdminToken(token: string | undefined): void {
  if (!token) return;
  console.log('\nAdmin token (shown this once; head office keeps only its hash — store it safely):');
  console.log(`  ${token}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      'public-url': { type: 'string' },
      lang: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
    },
  });
  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`Bad option: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const options = parsed.data;
  const database = { databaseUrl: options['database-url'], dataDir: resolve(options['data-dir']) };

  const [command, ...files] = positionals;
  if (command === 'import') {
    if (files.length === 0) {
      console.error('Name the batch files to import: npm run headoffice -- import <file…>');
      return 2;
    }
    const { db, adminToken } = await openHeadOfficeDatabase(database);
    printAdminToken(adminToken);
    try {
      let failed = 0;
      await importBatchFiles(createIngest(db), files, (outcome) => {
        if ('unreadable' in outcome) {
          failed += 1;
          console.log(`${outcome.name}: cannot be read (${outcome.unreadable})`);
          return;
        }
        const { name, result, ackPath } = outcome;
        if (result.status === 'refused') failed += 1;
        const verdict = result.status === 'refused' ? `refused (${result.code}): ${result.message}` : `${result.status}, stored through seq ${result.ackedThroughSeq}`;
        console.log(`${name}: ${verdict}${ackPath ? `\n  acknowledgement written to ${ackPath}` : ''}`);
      });
      return failed === 0 ? 0 : 1;
    } finally {
      await db.close();
    }
  }
  if (command === 'add-user') {
    const [username, ...rest] = files;
    if (!username || rest.length > 0 || !options.role) {
      console.error('Name one account and its role: npm run headoffice -- add-user <name> --role admin|supervisor');
      return 2;
    }
    const { db, adminToken } = await openHeadOfficeDatabase(database);
    printAdminToken(adminToken);
    try {
      const created = await createAccounts(db).create({ username, role: options.role, displayName: options['display-name'], password: await readPassword() }, new Date());
      if (!created.ok) {
        console.error(`Not created (${created.error.code}): ${created.error.message}`);
        return 1;
      }
      console.log(`Head-office account ${created.value.username} (${created.value.role}) created.`);
      return 0;
    } finally {
      await db.close();
    }
  }
  if (command !== undefined) {
    console.error(`Unknown command ${command}. Start head office with --port, import files with: import <file…>, or add an account with: add-user <name> --role admin|supervisor`);
    return 2;
  }

  const screens = existsSync(join(RENDERER_DIR, 'index.html'));
  const running = await startHeadOffice({
    port: options.port,
    host: options.host,
    ...database,
    publicUrl: options['public-url'],
    logger: true,
    rendererDir: screens ? RENDERER_DIR : undefined,
    language: options.lang,
    version: VERSION,
  });
  printAdminToken(running.adminToken);
  console.log(`Head office listening on ${running.url} (${running.db.kind === 'pglite' ? `embedded database in ${database.dataDir}` : 'PostgreSQL'})`);
  console.log(
    screens
      ? `Head office's screens: open ${running.url}/ and sign in with a head-office account (npm run headoffice -- add-user <name> --role admin).`
      : `No screens: ${RENDERER_DIR} is missing (run npm run build first).`,
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

const code = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 1;
});
if (code >= 0) process.exitCode = code;
