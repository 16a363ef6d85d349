/**
 * Policy documents are stored and sent between branches and head office, so their shape is versioned
 * (`formatVersion`) and older shapes are upgraded step by step on load (STYLE.md §8).
 */
import { ok, refuse, type Result } from '../result';

export const CURRENT_POLICY_FORMAT = 2;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Format 0 is the first draft agreed between the teams (no `formatVersion`, no `calendarId`, tiers without
 * a clock mode). Format 1 adds them, with the values the draft implied.
 */
function upgradeFrom0(doc: Json): Json {
  const tiers = isObject(doc.tiers) ? doc.tiers : {};
  const tiersWithClock = Object.fromEntries(
    Object.entries(tiers).map(([tier, rule]) => [tier, isObject(rule) && !('clock' in rule) ? { ...rule, clock: 'around_the_clock' } : rule]),
  );
  return { ...doc, formatVersion: 1, calendarId: doc.calendarId ?? 'cn-2026', tiers: tiersWithClock };
}

/** Who may close a complaint when the policy does not say: supervisors and admins, for every grade (SPEC §8). */
export const DEFAULT_CLOSING_ROLES = ['supervisor', 'admin'] as const;

/**
 * Format 1 had no `closing` rule (the code let staff close grades 2–4). Format 2 adds it with the SPEC's
 * default — closure is a supervisor's step (SPEC §8) — so an older document gets the SPEC's behaviour.
 */
function upgradeFrom1(doc: Json): Json {
  const roles = Object.fromEntries(['1', '2', '3', '4'].map((grade) => [grade, [...DEFAULT_CLOSING_ROLES]]));
  return { ...doc, formatVersion: 2, closing: doc.closing ?? { roles } };
}

/** MIGRATIONS[n] upgrades a document of format n to format n + 1. */
const MIGRATIONS: readonly ((doc: Json) => Json)[] = [upgradeFrom0, upgradeFrom1];

/**
 * Bring a policy document to the current format, or refuse it: 'policy_format_too_new' when it was written
 * by a newer app (it must not be half-understood), 'invalid_policy' when it is not a policy at all.
 */
export function migratePolicy(json: unknown): Result<Json> {
  if (!isObject(json)) return refuse('invalid_policy', 'A policy must be a JSON object', { path: '' });
  const format = json.formatVersion ?? 0;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 0) {
    return refuse('invalid_policy', 'formatVersion: must be a whole number', { path: 'formatVersion' });
  }
  if (format > CURRENT_POLICY_FORMAT) {
    return refuse('policy_format_too_new', `Policy format ${format} is newer than this app understands (${CURRENT_POLICY_FORMAT})`, {
      path: 'formatVersion',
      params: { found: format, supported: CURRENT_POLICY_FORMAT },
    });
  }
  let doc = json;
  for (let step = format; step < CURRENT_POLICY_FORMAT; step++) {
    const migrate = MIGRATIONS[step];
    if (!migrate) return refuse('invalid_policy', `No migration from policy format ${step}`, { path: 'formatVersion' });
    doc = migrate(doc);
  }
  return ok(doc);
}
