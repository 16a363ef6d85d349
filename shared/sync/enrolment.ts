/**
 * The one-time enrolment code head office hands a branch (on screen or on paper): it carries head office's
 * address, the branch code, the branch's secret and the organisation's personal-data key, so the branch admin
 * pastes one line and nothing else.
 * `CDSYNC1.` + base64url(JSON). Head office keeps the secret (it needs it to check signatures) but shows the
 * code only once; rotating issues a new code and the old secret stops working.
 */
import { z } from 'zod';
import { BranchCodeSchema } from '../brand';
import { issuePath, ok, refuse, type Result } from '../result';
import { fromBase64Url, toBase64Url } from './signature';

const PREFIX = 'CDSYNC1.';

export const EnrolmentSchema = z.strictObject({
  /** Head office's base address, e.g. `https://hq.example.cn:8443`. */
  url: z.url({ protocol: /^https?$/ }),
  branch: BranchCodeSchema,
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'secret: 32 bytes in base64url'),
  /** When head office issued the code: the branch shows the secret's age. */
  issuedAt: z.iso.datetime({ offset: true }),
  /**
   * The organisation's personal-data key (the same for every branch): what identifiers are hashed with when the
   * policy masks them (shared/sync/personalData.ts). Absent from codes of a head office older than the key.
   */
  personalDataKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'personal-data key: 32 bytes in base64url').optional(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export function encodeEnrolment(enrolment: Enrolment): string {
  return PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(EnrolmentSchema.parse(enrolment))));
}

export function decodeEnrolment(code: string): Result<Enrolment> {
  const trimmed = code.trim();
  const bytes = trimmed.startsWith(PREFIX) ? fromBase64Url(trimmed.slice(PREFIX.length)) : undefined;
  if (!bytes) return refuse('invalid_enrolment_code', 'not an enrolment code: it starts with CDSYNC1.', { path: 'code' });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('invalid_enrolment_code', 'the enrolment code is damaged', { path: 'code' });
  }
  const parsed = EnrolmentSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : refuse('invalid_enrolment_code', `the enrolment code is damaged (${issuePath(parsed.error)})`, { path: 'code' });
}
