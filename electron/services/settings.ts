/**
 * UI settings (language and small preferences) in `settings.json`; missing fields take their defaults. A
 * damaged file costs only preferences: it is logged once and read as the defaults, and the next change
 * replaces it.
 */
import { z } from 'zod';
import { DEFAULT_SETTINGS, LanguageSchema, PrefsSchema, SettingsSchema, type Language, type Settings } from '../../shared/api/schemas';
import { ok, refuse, type Result } from '../../shared/result';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
import type { Logger } from './log';
import { DeskOpenError } from './openProblem';
import { createSerial } from './serial';

const SettingsFileSchema = z.object({
  version: z.literal(1),
  language: LanguageSchema.optional(),
  prefs: PrefsSchema.optional(),
});

export interface SettingsStore {
  get(): Promise<Settings>;
  update(change: { language?: Language; prefs?: Settings['prefs'] }): Promise<Result<Settings>>;
}

export function createSettingsStore(file: string, log: Logger): SettingsStore {
  const serial = createSerial();
  let warned = false;
  const read = async () => {
    try {
      return await readJsonFile(file, SettingsFileSchema);
    } catch (error) {
      if (!(error instanceof DeskOpenError)) throw error;
      if (!warned) log.warn('settings: the file is damaged; using the defaults until the next change replaces it', { file, error: error.message });
      warned = true;
      return undefined;
    }
  };
  const get = async (): Promise<Settings> => {
    const stored = await read();
    return { language: stored?.language ?? DEFAULT_SETTINGS.language, prefs: { ...DEFAULT_SETTINGS.prefs, ...stored?.prefs } };
  };
  return {
    get,
    update: (change) =>
      serial(async () => {
        const current = await get();
        const next = SettingsSchema.safeParse({ language: change.language ?? current.language, prefs: { ...current.prefs, ...change.prefs } });
        if (!next.success) return refuse('too_many_prefs', 'prefs: at most 100 entries in all', { path: 'prefs' });
        await writeJsonAtomic(file, { version: 1, ...next.data });
        return ok(next.data);
      }),
  };
}

/** The stored language, for messages shown before the desk is open; undefined if missing or unreadable. */
export async function readSettingsLanguage(file: string): Promise<Language | undefined> {
  try {
    return (await readJsonFile(file, SettingsFileSchema))?.language;
  } catch {
    return undefined;
  }
}
