/**
 * The board's filters, remembered per user in this browser (localStorage, keyed by user id): what was stored is
 * untrusted, so it is parsed field by field and anything odd falls back to the default. Staff start on "Mine".
 */
import { z } from 'zod';
import type { Role } from '../../../shared/domain/vocabulary';
import { NO_FILTERS, type BoardFilters } from './boardModel';

const StoredFilters = z.object({
  grades: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).catch([]),
  category: z.string().max(100).catch(''),
  assignee: z.string().max(200).catch(''),
  mine: z.boolean().catch(false),
  overdue: z.boolean().catch(false),
  dueSoon: z.boolean().catch(false),
  text: z.string().max(200).catch(''),
});

export const filtersKey = (userId: string): string => `complaint-desk.board-filters.${userId}`;

export function defaultFilters(role: Role): BoardFilters {
  return { ...NO_FILTERS, mine: role === 'staff' };
}

export function loadFilters(storage: Pick<Storage, 'getItem'>, userId: string, role: Role): BoardFilters {
  try {
    const raw = storage.getItem(filtersKey(userId));
    if (raw === null) return defaultFilters(role);
    const parsed = StoredFilters.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultFilters(role);
  } catch {
    return defaultFilters(role);
  }
}

export function saveFilters(storage: Pick<Storage, 'setItem'>, userId: string, filters: BoardFilters): void {
  try {
    storage.setItem(filtersKey(userId), JSON.stringify(filters));
  } catch {
    // Storage full or denied: the filters simply are not remembered.
  }
}
