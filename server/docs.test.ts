/** docs/sync-protocol.md's example envelope is a real one: it parses, its signature holds and its hash matches. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BatchBodySchema, BatchEnvelopeSchema } from '../shared/sync/protocol';
import { payloadHashOf, signatureHolds } from '../shared/sync/signature';

describe('docs/sync-protocol.md', () => {
  it('shows an envelope that head office would accept', async () => {
    const text = readFileSync(new URL('../docs/sync-protocol.md', import.meta.url), 'utf8');
    const secret = /secret `([A-Za-z0-9_-]{43})`/.exec(text)?.[1] ?? '';
    const envelope = BatchEnvelopeSchema.parse(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(text)?.[1] ?? ''));
    expect(await signatureHolds(secret, envelope)).toBe(true);
    const body = BatchBodySchema.parse(JSON.parse(envelope.body));
    expect(await payloadHashOf(body.events)).toBe(body.payloadHash);
  });
});
