/**
 * Anonymisation after retention (SPEC §6 "Retention", §8): which complaints may lose their personal data, what
 * they hold of it, and each event as it reads once that data is gone. Main rewrites its journal with
 * `withoutPersonalData`, the renderer its copy, head office its store: one definition for all three, so no
 * copy keeps a field another one removed.
 *
 * What goes: the complainant's name, phone, email, address and customer number, and the evidence files (their
 * names too; the hash, type and size stay so the record still says files were attached). What stays: the
 * complaint, every step of its timeline and every figure the statistics use. Free text a clerk typed
 * (description, notes) is the record of what happened and stays: the registration form asks for personal data
 * in its own fields.
 */
import type { Policy } from '../policy/policy';
import type { EvidenceRef, PersonalField } from './event-payloads';
import type { DomainEvent } from './events';
import type { ComplaintState } from './state';

export const REMOVED_FILE_NAME = '-';

export function withoutFileName(ref: EvidenceRef): EvidenceRef {
  return { ...ref, name: REMOVED_FILE_NAME };
}

/** When the complaint ended (closed, rejected or voided); undefined while it is open. */
export function endedAt(state: ComplaintState): string | undefined {
  if (!state.terminal) return undefined;
  return state.closedAt ?? state.rejection?.at ?? state.voided?.at ?? state.updatedAt;
}

/** The personal fields the complaint holds now, in a fixed order. */
export function personalFieldsOf(state: ComplaintState): PersonalField[] {
  const held = state.complainant;
  return (['name', 'phone', 'email', 'address', 'customerNumber'] as const).filter((field) => held[field] !== undefined && held[field] !== '');
}

/** The latest end a complaint may have to be anonymised at `now`: retention counts from when it ended. */
export function retentionCutoff(now: string, policy: Pick<Policy, 'retentionDays'>): string {
  return new Date(Date.parse(now) - policy.retentionDays * 86_400_000).toISOString();
}

/** When a record that ended at `ended` may lose its personal data. */
export function retentionEnds(ended: string, policy: Pick<Policy, 'retentionDays'>): string {
  return new Date(Date.parse(ended) + policy.retentionDays * 86_400_000).toISOString();
}

/** Ended before `endedBefore`, not yet anonymised. */
export function isDueForAnonymisation(state: ComplaintState, endedBefore: string): boolean {
  const ended = endedAt(state);
  return ended !== undefined && state.anonymised === undefined && Date.parse(ended) < Date.parse(endedBefore);
}

/** The event as it reads without personal data (the same object when it holds none). */
export function withoutPersonalData(event: DomainEvent): DomainEvent {
  switch (event.type) {
    case 'Registered': {
      const { complainant, evidence } = event.payload;
      if (Object.keys(complainant).length === 0 && evidence.every((ref) => ref.name === REMOVED_FILE_NAME)) return event;
      return { ...event, payload: { ...event.payload, complainant: {}, evidence: evidence.map(withoutFileName) } };
    }
    case 'EvidenceAttached':
      if (event.payload.evidence.every((ref) => ref.name === REMOVED_FILE_NAME)) return event;
      return { ...event, payload: { evidence: event.payload.evidence.map(withoutFileName) } };
    default:
      return event;
  }
}
