/**
 * Loaded (`--import`) into a browser-mode process whose clock a test moves: main's `Date` runs `offset` ms ahead
 * of the real one, the offset read from the file named by `DESK_TEST_CLOCK_FILE` (milliseconds as text) on every
 * reading. Main decides escalations and idle sign-outs on its own clock, so a test that lets a day pass must
 * move it as well as the page's (`page.clock`).
 */
import { readFileSync } from 'node:fs';

const file = process.env.DESK_TEST_CLOCK_FILE;
if (!file) throw new Error('main-clock: DESK_TEST_CLOCK_FILE is not set');
const clockFile: string = file;
const RealDate = Date;

function offset(): number {
  try {
    return Number(readFileSync(clockFile, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

class ShiftedDate extends RealDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(RealDate.now() + offset());
    else super(...(args as ConstructorParameters<DateConstructor>));
  }
  static override now(): number {
    return RealDate.now() + offset();
  }
}

globalThis.Date = ShiftedDate as DateConstructor;
