/**
 * What the kernel did while a benchmark ran, printed beside its figures (Linux only): its share of the CPU time the
 * machine was busy, and the file pages it read back after reclaiming them. On days this 2-core machine ran every
 * benchmark 1.7–1.9× slower, a bare IndexedDB write in Chromium as much as the app's own work, about a third of the
 * busy time was the kernel's and a restore benchmark had it read back about a gigabyte of reclaimed files: the
 * figures of such a day compare by their ratios, not by their seconds (issue 8).
 */
import { readFileSync } from 'node:fs';

export interface KernelCounters {
  /** Clock ticks the CPUs spent on anything but idling or waiting for the disk. */
  readonly busy: number;
  /** Of those, in the kernel (system, interrupts). */
  readonly kernel: number;
  /** File pages read back after the kernel had reclaimed them (`workingset_refault_file`). */
  readonly refaulted: number;
}

const PAGE_BYTES = 4096;

/** The counters now; undefined where /proc does not give them (not Linux). */
export function kernelCounters(): KernelCounters | undefined {
  try {
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const refaulted = /^workingset_refault(?:_file)? (\d+)$/m.exec(readFileSync('/proc/vmstat', 'utf8'))?.[1];
    return { busy: user + nice + system + irq + softirq + steal, kernel: system + irq + softirq, refaulted: Number(refaulted ?? 0) };
  } catch {
    return undefined;
  }
}

/** One line on what the kernel did between `before` and now, or an empty string where it cannot be read. */
export function kernelLoadSince(before: KernelCounters | undefined): string {
  const after = kernelCounters();
  if (!before || !after || after.busy <= before.busy) return '';
  const share = (after.kernel - before.kernel) / (after.busy - before.busy);
  const gigabytes = ((after.refaulted - before.refaulted) * PAGE_BYTES) / 1e9;
  return `kernel: ${(share * 100).toFixed(0)} % of the busy CPU time; ${gigabytes.toFixed(2)} GB of reclaimed file pages read back`;
}
