import { describe, expect, it } from 'vitest';
import { refuse } from '../result';
import { apiContract } from './contract';
import { answerBody, answerForIpc, asciiJson, JsonText, jsonText } from './json-text';

const decoded = (body: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(body));
const page = [{ id: 'ev-1', note: '顾客要求退款 "now"' }, { id: 'ev-2', note: 'line\nbreak' }];

describe('answers holding JSON text', () => {
  it('splices the text into an HTTP body as the value it is, the other fields as JSON', () => {
    const answer = { ok: true as const, value: { events: jsonText(page), lastSeq: 2, completedHistories: ['c-1'], skipped: undefined } };
    const body = answerBody(answer);
    expect(decoded(body)).toEqual({ ok: true, value: { events: page, lastSeq: 2, completedHistories: ['c-1'] } });
    // Spliced, not quoted: the list starts right after its key.
    expect(new TextDecoder().decode(body)).toContain('"events":[{"id":"ev-1"');
    // A field without a value is left out, also the first one.
    expect(decoded(answerBody({ ok: true, value: { skipped: undefined, events: jsonText([]) } }))).toEqual({ ok: true, value: { events: [] } });
  });

  it('sends any other answer, and every refusal, as plain JSON', () => {
    for (const answer of [{ ok: true as const, value: { text: '[1,2]', nested: { events: 'x' } } }, { ok: true as const, value: [1, 2] }, refuse('not_signed_in', 'Sign in first.')]) {
      expect(decoded(answerBody(answer))).toEqual(JSON.parse(JSON.stringify(answer)));
      expect(answerForIpc(answer)).toBe(answer);
    }
  });

  it('gives Electron’s IPC the text, which the contract reads as the HTTP body’s list', () => {
    const ipc = answerForIpc({ ok: true, value: { events: jsonText(page), lastSeq: 2 } });
    expect(ipc).toEqual({ ok: true, value: { events: JSON.stringify(page), lastSeq: 2 } });
    expect(new JsonText(new TextEncoder().encode('["收"]')).text()).toBe('["收"]');
  });

  it('is refused by the contract when its text is not a list of events', () => {
    const output = apiContract['journal.read'].output;
    for (const events of [new JsonText(new TextEncoder().encode('[{"id":')), jsonText({ id: 'ev-1' }), jsonText(page)]) {
      expect(output.safeParse({ events, lastSeq: 2 }).success).toBe(false);
    }
    expect(output.safeParse({ events: jsonText([]), lastSeq: 0 })).toMatchObject({ success: true, data: { events: [] } });
  });

  it('writes the journal text into an HTTP body in ASCII, every other character as its \\u escape', () => {
    const text = [{ note: '顾客要求退款 café 😀 "引号" \\ end', tab: '\t' }];
    const body = answerBody({ ok: true, value: { events: jsonText(text), lastSeq: 1 } });
    expect(body.every((byte) => byte < 0x80)).toBe(true);
    expect(decoded(body)).toEqual({ ok: true, value: { events: text, lastSeq: 1 } });
    // Two-byte, three-byte and four-byte characters (the last a surrogate pair).
    expect(new TextDecoder().decode(asciiJson(new TextEncoder().encode('"é顾😀"')))).toBe('"\\u00e9\\u987e\\ud83d\\ude00"');
    const ascii = new TextEncoder().encode('{"a":"plain"}');
    expect(asciiJson(ascii)).toBe(ascii);
  });
});
