/**
 * Retention (SPEC §6, §8): after the policy's retention period an admin removes the personal data of ended
 * complaints. One run: main journals an `Anonymised` event per complaint (who, when, what), deletes the evidence
 * files only those complaints used, then rewrites its journal without their personal fields
 * (`withoutPersonalData`). Windows drop the same fields from their copies when they import the event
 * (renderer/store). A run cut short by a crash is finished when the desk next opens.
 */
import type { AnonymisationPreview } from '../../shared/api/records';
import type { PublicUser } from '../../shared/api/schemas';
import { endedAt, personalFieldsOf, retentionCutoff, retentionEnds, withoutPersonalData } from '../../shared/domain/anonymise';
import type { PersonalField } from '../../shared/domain/event-payloads';
import type { DomainEvent } from '../../shared/domain/events';
import type { Policy } from '../../shared/policy/policy';
import { ok, refuse, type Result } from '../../shared/result';
import type { Anonymisation, Authority } from './authority';
import type { Journal } from './journal';
import type { Logger } from './log';

const SAMPLE = 10;

export interface Retention {
  preview(): AnonymisationPreview;
  /** Anonymises what the preview showed for `endedBefore`; refused when that is no longer `complaints` records. */
  anonymise(admin: PublicUser, endedBefore: string, complaints: number): Promise<Result<{ anonymised: number; evidenceFilesDeleted: number }>>;
}

export interface RetentionDeps {
  readonly authority: Authority;
  readonly journal: Journal<DomainEvent>;
  readonly removeEvidence: (hash: string) => Promise<void>;
  /** The policy in force: its retention period is the branch's rule now, whatever a complaint was graded under. */
  readonly policy: () => Policy;
  readonly now: () => Date;
  readonly log: Logger;
  /** Where the run is put on record (the audit log): who, when, the cut-off and how many. */
  readonly recordRun: (admin: PublicUser, run: { endedBefore: string; complaints: number; evidenceFiles: number }) => Promise<void>;
}

/** Opens retention and finishes an anonymisation a crash interrupted (its events journaled, its data not yet gone). */
export async function openRetention(deps: RetentionDeps): Promise<Retention> {
  const { authority, journal, log } = deps;

  async function removePersonalData(done: Anonymisation): Promise<number> {
    for (const hash of done.evidence) await deps.removeEvidence(hash);
    const ids = new Set(done.complaintIds);
    const { rewritten } = await journal.rewrite((event) => (ids.has(event.complaintId) ? withoutPersonalData(event) : event));
    authority.personalDataRemoved(done.complaintIds);
    return rewritten;
  }

  const interrupted = authority.unfinishedAnonymisation();
  if (interrupted.complaintIds.length > 0) {
    const rewritten = await removePersonalData(interrupted);
    log.warn('retention: finished an anonymisation a crash had interrupted', { complaints: interrupted.complaintIds.length, rewritten, files: interrupted.evidence.length });
  }

  function preview(): AnonymisationPreview {
    const endedBefore = retentionCutoff(deps.now().toISOString(), deps.policy());
    const due = authority.dueForAnonymisation(endedBefore).sort((a, b) => (endedAt(a) ?? '').localeCompare(endedAt(b) ?? ''));
    const fields: Record<PersonalField, number> = { name: 0, phone: 0, email: 0, address: 0, customerNumber: 0 };
    const files = new Set<string>();
    for (const state of due) {
      for (const field of personalFieldsOf(state)) fields[field] += 1;
      for (const file of state.evidence) files.add(file.hash);
    }
    const oldest = due[0];
    const newest = due[due.length - 1];
    return {
      endedBefore,
      retentionDays: deps.policy().retentionDays,
      complaints: due.length,
      fields,
      evidenceFiles: files.size,
      sample: due.slice(0, SAMPLE).map((state) => state.number),
      ...(oldest ? { oldestEnded: endedAt(oldest) } : {}),
      ...(newest ? { newestEnded: endedAt(newest) } : {}),
    };
  }

  async function anonymise(admin: PublicUser, endedBefore: string, complaints: number) {
    const latest = retentionCutoff(deps.now().toISOString(), deps.policy());
    if (Date.parse(endedBefore) > Date.parse(latest)) {
      const until = retentionEnds(endedBefore, deps.policy());
      return refuse('retention_not_reached', `Records that ended before ${endedBefore} are kept until ${until}`, { path: 'endedBefore', params: { until } });
    }
    const done = await authority.anonymise({ id: admin.id, role: admin.role }, endedBefore, complaints);
    if (!done.ok) return done;
    const rewritten = await removePersonalData(done.value);
    log.info('retention: personal data removed', { by: admin.id, endedBefore, complaints: done.value.complaintIds.length, files: done.value.evidence.length, journalLines: rewritten });
    await deps.recordRun(admin, { endedBefore, complaints: done.value.complaintIds.length, evidenceFiles: done.value.evidence.length });
    return ok({ anonymised: done.value.complaintIds.length, evidenceFilesDeleted: done.value.evidence.length });
  }

  return { preview, anonymise };
}
