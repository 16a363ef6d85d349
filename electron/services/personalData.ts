/**
 * What leaves main of the complainant's contact details (SPEC §8): events read by a window whose person may not
 * contact the complainant (shared/export/personalData `canContact`) carry no phone, email or address. The journal
 * keeps them; only the copy sent out is cut.
 */
import type { PublicUser } from '../../shared/api/schemas';
import type { ComplaintId } from '../../shared/brand';
import type { DomainEvent } from '../../shared/domain/events';
import type { ComplaintState } from '../../shared/domain/state';
import { canContact } from '../../shared/export/personalData';

export function withoutHiddenContacts(events: readonly DomainEvent[], user: PublicUser, complaint: (id: ComplaintId) => ComplaintState | undefined): DomainEvent[] {
  return events.map((event) => {
    if (event.type !== 'Registered' || canContact(user.role, user.id, complaint(event.complaintId))) return event;
    const { phone: _phone, email: _email, address: _address, ...rest } = event.payload.complainant;
    return { ...event, payload: { ...event.payload, complainant: rest } };
  });
}
