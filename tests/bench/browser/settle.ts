/**
 * Waits until the browsers have stopped working: IndexedDB goes on merging its files for seconds after a large
 * write commits, and a measurement started meanwhile would share the machine with it. Reads the CPU time of every
 * Chromium process from /proc (the benchmarks run on Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
const POLL_MS = 500;
/** Quiet: below this share of one core over each of QUIET_POLLS polls in a row. */
const QUIET_SHARE = 0.05;
const QUIET_POLLS = 4;

function chromiumCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th of them.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while it was read.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** Resolves once Chromium has been quiet for QUIET_POLLS polls, or after `timeoutMs`; answers the ms waited. */
export async function browsersSettled(timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  let quietPolls = 0;
  let before = chromiumCpuSeconds();
  while (quietPolls < QUIET_POLLS && performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = chromiumCpuSeconds();
    quietPolls = now - before < (QUIET_SHARE * POLL_MS) / 1000 ? quietPolls + 1 : 0;
    before = now;
  }
  return performance.now() - started;
}
