/**
 * Personal data on its way to head office (SPEC §8): each complainant field leaves the branch as the policy
 * says — in full, masked, or not at all. Applied to the events of every batch as it is made (HTTP and USB
 * alike), so the payload hash and the signature cover what head office receives; the branch's journal keeps
 * what was typed.
 *
 * `masked` for an identifier (phone, email, customer number) is a keyed hash: HMAC-SHA256 with the
 * organisation's personal-data key over the normalised value, so the same phone typed `138 1234 5678` at one
 * branch and `+86 13812345678` at another gives the same value and head office can link the two complaints
 * without holding the number. The key comes with the enrolment code and stays in each branch's main; see
 * docs/sync-protocol.md §8 for what head office can and cannot learn from it.
 */
import type { Complainant, KeyedValue } from '../domain/event-payloads';
import { IDENTIFIERS, normalisedIdentifier, type Identifier } from '../domain/identifiers';
import type { DomainEvent } from '../domain/events';
import { maskAddress, maskName } from '../export/personalData';
import type { PersonalDataToHeadOffice } from '../policy/policy';
import { fromBase64Url, newBranchSecret, toHex } from './signature';

/** A new organisation personal-data key: 32 random bytes in base64url, the shape of a branch secret. */
export const newPersonalDataKey = (): string => newBranchSecret();

/** The organisation's personal-data key, ready to hash with; undefined for a key that is not 32 bytes of base64url. */
export async function personalDataHasher(key: string): Promise<PersonalDataHasher | undefined> {
  const bytes = fromBase64Url(key);
  if (bytes?.length !== 32) return undefined;
  const cryptoKey = await crypto.subtle.importKey('raw', Uint8Array.from(bytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const encoder = new TextEncoder();
  return {
    async keyed(field, value) {
      // The field name goes into the hash: a customer number that happens to equal a phone number stays unlinked.
      const mac = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(`${field}:${normalisedIdentifier(field, value)}`));
      return `hmac-sha256:${toHex(new Uint8Array(mac))}`;
    },
  };
}

export interface PersonalDataHasher {
  keyed(field: Identifier, value: string): Promise<KeyedValue>;
}

/**
 * The complainant as head office may hold it under `policy`. Without a hasher (a branch enrolled before head
 * office issued keys) a masked identifier is not sent at all: never the value in its place.
 */
export async function complainantForHeadOffice(complainant: Complainant, policy: PersonalDataToHeadOffice, hasher: PersonalDataHasher | undefined): Promise<Complainant> {
  const out: Complainant = {};
  const { name, address } = complainant;
  if (name !== undefined && policy.name !== 'none') out.name = policy.name === 'full' ? name : maskName(name);
  if (address !== undefined && policy.address !== 'none') out.address = policy.address === 'full' ? address : maskAddress(address);
  const keyed: NonNullable<Complainant['keyed']> = {};
  for (const field of IDENTIFIERS) {
    const value = complainant[field];
    if (value === undefined) continue;
    if (policy[field] === 'full') out[field] = value;
    else if (policy[field] === 'masked' && hasher) keyed[field] = await hasher.keyed(field, value);
  }
  if (Object.keys(keyed).length > 0) out.keyed = keyed;
  return out;
}

/** The events as they leave for head office; events carrying no personal data are passed on as they are. */
export async function eventsForHeadOffice(events: readonly DomainEvent[], policy: PersonalDataToHeadOffice, hasher: PersonalDataHasher | undefined): Promise<DomainEvent[]> {
  return Promise.all(
    events.map(async (event) =>
      event.type === 'Registered' ? { ...event, payload: { ...event.payload, complainant: await complainantForHeadOffice(event.payload.complainant, policy, hasher) } } : event,
    ),
  );
}
