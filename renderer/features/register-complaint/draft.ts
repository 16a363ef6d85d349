/**
 * The unsent registration survives an accidental window close: it is kept in localStorage while typing and
 * removed once the complaint is registered. A draft is untrusted on the way back in: parsed, not cast.
 */
import { RegistrationFormValuesSchema, type RegistrationFormValues } from './formSchema';

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function draftKey(branch: string, userId: string): string {
  return `complaint-desk.registration-draft.${branch}.${userId}`;
}

export function loadDraft(storage: DraftStorage, key: string): RegistrationFormValues | undefined {
  try {
    const raw = storage.getItem(key);
    if (!raw) return undefined;
    const parsed = RegistrationFormValuesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? structuredClone(parsed.data) : undefined;
  } catch {
    return undefined; // unreadable JSON or storage disabled: start blank
  }
}

export function saveDraft(storage: DraftStorage, key: string, values: RegistrationFormValues): void {
  try {
    storage.setItem(key, JSON.stringify(values));
  } catch {
    // storage full or disabled: the form still works, only the safety net is missing
  }
}

export function clearDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** A draft worth restoring has something a person typed or attached (not just the defaults). */
export function isWorthKeeping(values: RegistrationFormValues): boolean {
  const { complainant: c, incident: i } = values;
  const typed = [c.name, c.phone, c.email, c.address, c.customerNumber, i.place, values.description, values.requestText, values.channel, values.category, values.repeatOf];
  return values.evidence.length > 0 || typed.some((text) => text.trim() !== '');
}

/** Runs the latest scheduled save after a pause in typing; `cancel` drops one still waiting (the form was submitted). */
export function delayedSaver(delayMs: number): { schedule(save: () => void): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule(save) {
      clearTimeout(timer);
      timer = setTimeout(save, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
