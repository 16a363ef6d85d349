import { BranchCodeSchema } from '../brand';
import { describe, expect, it } from 'vitest';
import { decodeEnrolment, encodeEnrolment } from './enrolment';
import { batchIdOf, BatchBodySchema, BatchEnvelopeSchema, SYNC_PROTOCOL, SYNC_PROTOCOL_VERSION } from './protocol';
import { newBranchSecret, payloadHashOf, signatureHolds, signBatch } from './signature';

async function envelopeFor(secret: string, events: unknown[]) {
  const body = JSON.stringify({ batchId: batchIdOf('SH01', 1, events.length), branch: 'SH01', fromSeq: 1, toSeq: events.length, sentAt: '2026-12-01T08:00:00.000Z', payloadHash: await payloadHashOf(events), events });
  const unsigned = { protocol: SYNC_PROTOCOL, v: SYNC_PROTOCOL_VERSION, branch: 'SH01', timestamp: '2026-12-01T08:00:00.000Z', body };
  return { ...unsigned, signature: await signBatch(secret, unsigned) };
}

describe('sync protocol', () => {
  it('a signed envelope parses and its signature holds only with the same secret and the same bytes', async () => {
    const secret = newBranchSecret();
    const envelope = BatchEnvelopeSchema.parse(await envelopeFor(secret, [{ seq: 1 }, { seq: 2 }]));
    expect(await signatureHolds(secret, envelope)).toBe(true);
    expect(await signatureHolds(newBranchSecret(), envelope)).toBe(false);
    expect(await signatureHolds(secret, { ...envelope, body: envelope.body.replace('"seq":2', '"seq":3') })).toBe(false);
    expect(await signatureHolds(secret, { ...envelope, timestamp: '2026-12-01T08:00:01.000Z' })).toBe(false);
    expect(await signatureHolds(secret, { ...envelope, signature: 'zz' })).toBe(false);
  });

  it('a body must hold exactly its range and be named by it', async () => {
    const events = [{ seq: 5 }, { seq: 6 }];
    const base = { batchId: 'SH01-5-6', branch: 'SH01', fromSeq: 5, toSeq: 6, sentAt: '2026-12-01T08:00:00+08:00', payloadHash: await payloadHashOf(events), events };
    expect(BatchBodySchema.safeParse(base).success).toBe(true);
    expect(BatchBodySchema.safeParse({ ...base, toSeq: 7, batchId: 'SH01-5-7' }).success).toBe(false);
    expect(BatchBodySchema.safeParse({ ...base, batchId: 'SH01-1-2' }).success).toBe(false);
    expect(BatchBodySchema.safeParse({ ...base, events: [] }).success).toBe(false);
  });

  it('an enrolment code round-trips and a damaged one is refused with its own code', () => {
    const enrolment = { url: 'https://hq.example.cn:8443', branch: BranchCodeSchema.parse('SH01'), secret: newBranchSecret(), issuedAt: '2026-12-01T08:00:00.000Z' };
    const code = encodeEnrolment(enrolment);
    expect(code.startsWith('CDSYNC1.')).toBe(true);
    expect(decodeEnrolment(`  ${code}\n`)).toEqual({ ok: true, value: enrolment });
    for (const bad of ['', 'hello', 'CDSYNC1.', `CDSYNC1.${'A'.repeat(40)}`, code.slice(0, -4)]) {
      const result = decodeEnrolment(bad);
      expect(result.ok ? 'accepted' : result.error.code).toBe('invalid_enrolment_code');
    }
  });
});
