/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package, for tests and the benchmark: initdb in a
 * temporary folder, started with pg_ctl on a free loopback port, removed on stop. initdb refuses to run as root,
 * so as root the cluster belongs to the `postgres` user. When PostgreSQL is not installed the caller skips with
 * `unavailable` (CI installs it, so CI never skips).
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const POSTGRES_ROOT = '/usr/lib/postgresql';

export interface PostgresCluster {
  readonly url: string;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder, or undefined. */
function postgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((version) => existsSync(join(POSTGRES_ROOT, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(POSTGRES_ROOT, versions[0], 'bin');
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export const postgresUnavailable = (): string | undefined =>
  postgresBin() ? undefined : `PostgreSQL is not installed (no ${POSTGRES_ROOT}/*/bin/initdb): apt-get install postgresql`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresUnavailable());
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'cd-pg-'));
  const data = join(dir, 'data');
  // As root, every command runs as `postgres`, which must own the folder.
  const as = (command: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args));
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  // Durability is not under test here: fsync off keeps the suite fast on a busy disk.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await as('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-s', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-s', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
