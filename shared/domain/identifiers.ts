/**
 * The complainant fields that identify a customer (SPEC §8): how each is written down the same way whatever
 * way it was typed, so head office can link one customer's complaints — by the value itself, or by its keyed
 * hash when the policy masks it (shared/sync/personalData.ts, shared/kpi/repeats.ts).
 */
import { normalisedPhone } from './phone';

export const IDENTIFIERS = ['phone', 'email', 'customerNumber'] as const;
export type Identifier = (typeof IDENTIFIERS)[number];

const NORMALISE: Readonly<Record<Identifier, (value: string) => string>> = {
  phone: normalisedPhone,
  email: (email) => email.trim().toLowerCase(),
  customerNumber: (number) => number.trim().toUpperCase(),
};

export function normalisedIdentifier(field: Identifier, value: string): string {
  return NORMALISE[field](value);
}
