/** UI settings (language and small preferences) in `settings.json`; missing fields take their defaults. */
import { z } from 'zod';
import { DEFAULT_SETTINGS, LanguageSchema, PrefsSchema, SettingsSchema, type Language, type Settings } from '../../shared/api/schemas';
import { ok, refuse, type Result } from '../../shared/result';
import { readJsonFile, writeJsonAtomic } from './jsonFile';
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

export function createSettingsStore(file: string): SettingsStore {
  const serial = createSerial();
  const get = async (): Promise<Settings> => {
    const stored = await readJsonFile(file, SettingsFileSchema);
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
