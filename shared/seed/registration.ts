/**
 * What the counter types in for a sample complaint: the `register` command's input (RegisterInput), with a
 * Chinese complainant, a mobile number, the incident (时间、地点、人物), evidence photos now and then, a few
 * anonymous and collective complaints, and repeats of an earlier complaint of the same branch.
 */
import type { RegisterInput } from '../domain/commands';
import type { Channel, Grade, Level, Spread } from '../domain/vocabulary';
import type { SeedBranch } from './generator';
import type { PathName } from './paths';
import type { Random } from './random';
import * as W from './wording';

const HOUR_MS = 3_600_000;

/** A complaint planned before its story runs (the number is given once all are planned, in registration order). */
export interface ComplaintDraft {
  readonly branchIndex: number;
  readonly receivedMs: number;
  readonly registeredMs: number;
  readonly channel: Channel;
  readonly category: string;
  readonly wording: W.ComplaintWording;
  readonly department: string;
  readonly grade: Grade;
  readonly facts: { readonly severity: Level; readonly urgency: Level; readonly spread: Spread };
  readonly path: PathName;
  readonly amount: number;
  readonly product: string;
  readonly order: string;
  readonly fill: (template: string) => string;
  number: string;
  repeatOf: string | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function registration(draft: ComplaintDraft, branch: SeedBranch, random: Random): RegisterInput {
  const { wording } = draft;
  const anonymous = random.chance(0.03);
  const phone = mobileNumber(random);
  const complainant = anonymous
    ? random.chance(0.5)
      ? { phone }
      : {}
    : {
        name: chineseName(random),
        phone,
        ...(random.chance(0.3) ? { customerNumber: `VIP${random.int(1_000_000, 9_999_999)}` } : {}),
        ...(draft.channel === 'email' ? { email: `${random.hex(6)}@example.com` } : {}),
      };
  const collectiveRoll = random.next();
  const collective = collectiveRoll < 0.015 ? { count: random.int(5, 40) } : collectiveRoll < 0.035 ? { count: random.int(2, 4) } : undefined;
  const wantsMoney = wording.requests.includes('refund') || wording.requests.includes('compensation');
  const staffMember = wording.nature === 'people' ? `${random.pick(['收银员', '导购', '服务台员工', '配送员'])}（工号${random.int(1000, 9999)}）` : undefined;
  return {
    number: draft.number,
    receivedAt: iso(draft.receivedMs),
    channel: draft.channel,
    complainant,
    anonymous,
    ...(collective ? { collective } : {}),
    incident: {
      at: iso(draft.receivedMs - Math.round(random.next() * 72 * HOUR_MS)),
      place: branch.name,
      department: draft.department,
      ...(staffMember ? { staffMember } : {}),
      ...(wording.nature === 'quality' ? { product: draft.product } : {}),
      ...(random.chance(0.4) ? { orderNumber: draft.order } : {}),
    },
    category: draft.category,
    ...(wording.subCategory ? { subCategory: wording.subCategory } : {}),
    nature: wording.nature,
    description: draft.fill(random.pick(wording.descriptions)) + (collective ? `（共${collective.count}人联名投诉）` : ''),
    requests: [...wording.requests],
    ...(wantsMoney ? { requestedAmount: draft.amount } : {}),
    evidence: random.chance(0.25)
      ? [{ hash: random.hex(64), name: `IMG_${random.int(1000, 9999)}.jpg`, mime: 'image/jpeg', size: random.int(80_000, 4_000_000) }]
      : [],
    ...(draft.repeatOf ? { repeatOf: draft.repeatOf } : {}),
    ...(draft.channel === 'walk_in' && random.chance(0.5) ? { confirmation: { method: 'signed_sheet' as const } } : {}),
    impression: draft.facts,
  };
}

export function chineseName(random: Random): string {
  const given = random.chance(0.6) ? random.pick(W.GIVEN_NAME_CHARACTERS) + random.pick(W.GIVEN_NAME_CHARACTERS) : random.pick(W.GIVEN_NAME_CHARACTERS);
  return random.pick(W.SURNAMES) + given;
}

/** 1[3-9] and nine digits: a mainland mobile number. */
export function mobileNumber(random: Random): string {
  let digits = `1${random.int(3, 9)}`;
  for (let i = 0; i < 9; i++) digits += String(random.int(0, 9));
  return digits;
}
