/**
 * Reasons the app gives itself — an automatic escalation, the reopening after a dissatisfied follow-up — are
 * stored in the event's `reason` text as a code with parameters (`{"reason":"dissatisfied","satisfaction":2}`),
 * so each language renders its own sentence; the payload schemas stay as they are. A reason a person typed is
 * free text and is shown as it is. Events stored before the codes carry the app's English sentences instead:
 * `readReason` recognises those too, so old timelines read in the UI language as well.
 */
import { z } from 'zod';
import { MajorFlagSchema, TierSchema } from './vocabulary';

export const ComposedReasonSchema = z.discriminatedUnion('reason', [
  z.strictObject({ reason: z.literal('dissatisfied'), satisfaction: z.int().min(1).max(5) }),
  z.strictObject({ reason: z.literal('customer_rejected') }),
  z.strictObject({ reason: z.literal('department_cannot_resolve') }),
  z.strictObject({ reason: z.literal('tier_deadline'), tier: TierSchema, hours: z.number().positive() }),
  z.strictObject({ reason: z.literal('major_flags'), flags: z.array(MajorFlagSchema).min(1) }),
]);
export type ComposedReason = z.infer<typeof ComposedReasonSchema>;

/** The text to store in a `reason` field for a reason the app composes. */
export function composedReason(reason: ComposedReason): string {
  return JSON.stringify(reason);
}

/** The sentences stored before reasons became codes, and what each one says. */
const LEGACY: readonly [RegExp, (match: RegExpExecArray) => unknown][] = [
  [/^The customer is dissatisfied at follow-up \((\d)\/5\)$/, (m) => ({ reason: 'dissatisfied', satisfaction: Number(m[1]) })],
  [/^The customer rejected the proposed resolution(?: at T[1-4])?$/, () => ({ reason: 'customer_rejected' })],
  [/^Grade 1–2 complaint the handling department cannot resolve alone$/, () => ({ reason: 'department_cannot_resolve' })],
  [/^Not resolved within the ([\d.]+) h limit of (T[1-4])$/, (m) => ({ reason: 'tier_deadline', hours: Number(m[1]), tier: m[2] })],
  [/^Major complaint: (.+)$/, (m) => ({ reason: 'major_flags', flags: (m[1] ?? '').split(', ') })],
];

/** The composed reason a stored `reason` holds, or undefined for free text a person wrote. */
export function readReason(text: string): ComposedReason | undefined {
  if (text.startsWith('{')) {
    try {
      const parsed = ComposedReasonSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined; // a person's text that happens to start with a brace
    }
  }
  for (const [pattern, read] of LEGACY) {
    const match = pattern.exec(text);
    if (match) {
      const parsed = ComposedReasonSchema.safeParse(read(match));
      return parsed.success ? parsed.data : undefined;
    }
  }
  return undefined;
}
