/**
 * What leaves main of the complainant's contact details (SPEC §8): events read by a window whose person may not
 * contact the complainant (shared/export/personalData `canContact`) carry no phone, email or address. The journal
 * keeps them; only the copy sent out is cut.
 */
import type { PublicUser } from '../../shared/api/schemas';
import type { ComplaintId } from '../../shared/brand';
import { parseEvent } from '../../shared/domain/events';
import { canContact } from '../../shared/export/personalData';
import type { Authority } from './authority';

/** What journal.read needs of main's state: the complaints, and which of them ends or starts at a seq. */
export type JournalReadState = Pick<Authority, 'complaint' | 'lastEventAt' | 'registeredAt'>;

/**
 * A page of the journal's lines, from seq `firstSeq` on, as `user` may read it, with the complaints whose
 * histories end on it. Lines go out as the journal stores them, but for the registrations of complainants `user`
 * may not contact: those are parsed and sent without the contact details.
 */
export function journalPageFor(lines: readonly string[], firstSeq: number, user: PublicUser, state: JournalReadState): { events: string; completedHistories: ComplaintId[] } {
  const completedHistories: ComplaintId[] = [];
  const shown = lines.map((line, index) => {
    const seq = firstSeq + index;
    const ending = state.lastEventAt(seq);
    if (ending !== undefined) completedHistories.push(ending);
    const registered = state.registeredAt(seq);
    if (registered === undefined || canContact(user.role, user.id, state.complaint(registered))) return line;
    const event = parseEvent(JSON.parse(line));
    if (!event.ok || event.value.type !== 'Registered') throw new Error(`journal line ${seq} is not the registration main read there`);
    const { phone: _phone, email: _email, address: _address, ...rest } = event.value.payload.complainant;
    return JSON.stringify({ ...event.value, payload: { ...event.value.payload, complainant: rest } });
  });
  return { events: `[${shown.join(',')}]`, completedHistories };
}
