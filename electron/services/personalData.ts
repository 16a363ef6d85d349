/**
 * What leaves main of the complainant's contact details (SPEC §8): events read by a window whose person may not
 * contact the complainant (shared/export/personalData `canContact`) carry no phone, email or address. The journal
 * keeps them; only the copy sent out is cut.
 */
import type { PublicUser } from '../../shared/api/schemas';
import type { ComplaintId } from '../../shared/brand';
import { parseEvent } from '../../shared/domain/events';
import { canContact } from '../../shared/export/personalData';
import { JsonText } from '../../shared/api/json-text';
import type { Authority } from './authority';

/** What journal.read needs of main's state: the complaints, and which of them ends or starts at a seq. */
export type JournalReadState = Pick<Authority, 'complaint' | 'lastEventAt' | 'registeredAt'>;

/**
 * A page of the journal's lines (UTF-8, without newlines), from seq `firstSeq` on, as `user` may read it, with the
 * complaints whose histories end on it. Lines go out as the journal stores them, as one JSON list, but for the
 * registrations of complainants `user` may not contact: those are parsed and sent without the contact details.
 */
export function journalPageFor(lines: readonly Uint8Array[], firstSeq: number, user: PublicUser, state: JournalReadState): { events: JsonText; completedHistories: ComplaintId[] } {
  const completedHistories: ComplaintId[] = [];
  const shown = lines.map((line, index) => {
    const seq = firstSeq + index;
    const ending = state.lastEventAt(seq);
    if (ending !== undefined) completedHistories.push(ending);
    const registered = state.registeredAt(seq);
    if (registered === undefined || canContact(user.role, user.id, state.complaint(registered))) return line;
    const event = parseEvent(JSON.parse(new TextDecoder().decode(line)));
    if (!event.ok || event.value.type !== 'Registered') throw new Error(`journal line ${seq} is not the registration main read there`);
    const { phone: _phone, email: _email, address: _address, ...rest } = event.value.payload.complainant;
    return Buffer.from(JSON.stringify({ ...event.value, payload: { ...event.value.payload, complainant: rest } }));
  });
  return { events: new JsonText(jsonListOf(shown)), completedHistories };
}

/** `[a,b,…]` of JSON values' bytes, in one buffer. */
function jsonListOf(values: readonly Uint8Array[]): Buffer {
  const list = Buffer.allocUnsafe(values.reduce((length, value) => length + value.length + 1, values.length === 0 ? 2 : 1));
  list[0] = 0x5b; // [
  let offset = 1;
  for (const value of values) {
    list.set(value, offset);
    offset += value.length;
    list[offset++] = 0x2c; // ,
  }
  // The last comma, or the place after `[` of an empty list, closes it.
  list[list.length - 1] = 0x5d; // ]
  return list;
}
