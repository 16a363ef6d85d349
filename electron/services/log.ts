/**
 * Main's log: one JSON line per entry in the data folder (so a support person can read what happened) and
 * on stderr. Bugs end up here with their stack; the renderer only ever sees a refusal code.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/** Past this size the log is moved aside to `<name>.1` at start, so it never fills the disk. */
const ROTATE_BYTES = 5 * 1024 * 1024;

export function createFileLogger(file: string, now: () => Date = () => new Date()): Logger {
  mkdirSync(dirname(file), { recursive: true });
  rotateIfLarge(file);
  const write = (level: Level, message: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: now().toISOString(), level, message, ...data });
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      // A full or read-only disk must not take the app down with it; stderr still gets the line.
    }
    if (level !== 'info') process.stderr.write(`${line}\n`);
  };
  return {
    info: (message, data) => write('info', message, data),
    warn: (message, data) => write('warn', message, data),
    error: (message, data) => write('error', message, data),
  };
}

function rotateIfLarge(file: string): void {
  try {
    if (statSync(file).size > ROTATE_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // No log yet, or it cannot be moved: keep appending to it.
  }
}

/** Turns anything thrown into loggable fields, keeping the stack for the log only. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
}
