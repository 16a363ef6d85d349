/** The shipped working calendar (resources/calendars/cn-2026.json), compiled once. */
import cn2026Json from '../../resources/calendars/cn-2026.json';
import { parseCalendar, type WorkingCalendar } from './calendar';

function loadShippedCalendar(json: unknown): WorkingCalendar {
  const parsed = parseCalendar(json);
  // A broken shipped calendar is a build bug, not something a user can cause.
  if (!parsed.ok) throw new Error(`Shipped calendar is invalid: ${parsed.error.message}`);
  return parsed.value;
}

/** Mainland China 2026: Mon–Fri 09:00–12:00 and 13:00–18:00 Asia/Shanghai, public holidays and 调休. */
export const CN_2026_CALENDAR: WorkingCalendar = loadShippedCalendar(cn2026Json);
