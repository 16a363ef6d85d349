/**
 * What the machine did while a benchmark ran, printed around its figures: the load before and after (`uptime`), the
 * time taken, and on Linux the kernel's share of the CPU time the machine was busy and the file pages it read back
 * after reclaiming them. On days this 2-core machine ran every benchmark 1.7–1.9× slower, a bare IndexedDB write in
 * Chromium as much as the app's own work, about a third of the busy time was the kernel's and a restore benchmark had
 * it read back about a gigabyte of reclaimed files: the figures of such a day compare by their ratios, not by their
 * seconds (issue 8).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { duration } from './browser/figures';

interface KernelCounters {
  /** Clock ticks the CPUs spent on anything but idling or waiting for the disk. */
  readonly busy: number;
  /** Of those, in the kernel (system, interrupts). */
  readonly kernel: number;
  /** File pages read back after the kernel had reclaimed them (`workingset_refault_file`); undefined where not counted. */
  readonly refaulted: number | undefined;
}

const PAGE_BYTES = 4096;

/** The counters now; undefined where /proc does not give them (not Linux). */
function kernelCounters(): KernelCounters | undefined {
  try {
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const refaulted = /^workingset_refault(?:_file)? (\d+)$/m.exec(readFileSync('/proc/vmstat', 'utf8'))?.[1];
    return { busy: user + nice + system + irq + softirq + steal, kernel: system + irq + softirq, refaulted: refaulted === undefined ? undefined : Number(refaulted) };
  } catch {
    return undefined;
  }
}

/** What the kernel did between `before` and now, or an empty string where it cannot be read. */
function kernelLoadSince(before: KernelCounters | undefined): string {
  const after = kernelCounters();
  if (!before || !after || after.busy <= before.busy) return '';
  const share = `kernel: ${(((after.kernel - before.kernel) / (after.busy - before.busy)) * 100).toFixed(0)} % of the busy CPU time`;
  if (before.refaulted === undefined || after.refaulted === undefined) return share;
  return `${share}; ${(((after.refaulted - before.refaulted) * PAGE_BYTES) / 1e9).toFixed(2)} GB of reclaimed file pages read back`;
}

const uptime = (): string => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** Prints the machine's load now; `end()` prints the time since, the load then and what the kernel did meanwhile. */
export function reportMachine(): { end(): void } {
  const started = performance.now();
  const before = kernelCounters();
  console.log(`  ${uptime()}`);
  return {
    end() {
      console.log(`\n  total ${duration(performance.now() - started)}; ${uptime()}`);
      const kernel = kernelLoadSince(before);
      if (kernel) console.log(`  ${kernel}`);
    },
  };
}
