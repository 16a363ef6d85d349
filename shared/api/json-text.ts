/**
 * A field of an answer that main already holds as JSON text: a journal page is its journal's own lines. Sending
 * it as a string inside the answer's JSON made main escape it and the window unescape and parse it again (over
 * the HTTP bridge at 1.1 M events: some 6 s of main's CPU in escaping, measuring and re-encoding the page, and a
 * second parse of it in the window). Each transport sends it as it can best: HTTP splices the bytes into the
 * answer's body, where the window's one parse of the body reads it; Electron's IPC, which clones values, sends
 * it as a string. The contract's schema for such a field accepts all three forms (contract.ts).
 *
 * Only a direct field of an answer's value is looked at. Whoever makes a JsonText vouches that its bytes are one
 * JSON value (main's journal lines are checked against what main parsed when it read them).
 */
import type { Result } from '../result';

export class JsonText {
  constructor(readonly bytes: Uint8Array) {}

  text(): string {
    return new TextDecoder().decode(this.bytes);
  }
}

export const jsonText = (value: unknown): JsonText => new JsonText(new TextEncoder().encode(JSON.stringify(value)));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const holdsJsonText = (result: Result<unknown>): result is { ok: true; value: Record<string, unknown> } =>
  result.ok && isRecord(result.value) && Object.values(result.value).some((field) => field instanceof JsonText);

/** The answer for Electron's IPC: each JsonText field as its text. */
export function answerForIpc(result: Result<unknown>): Result<unknown> {
  if (!holdsJsonText(result)) return result;
  const value = Object.fromEntries(Object.entries(result.value).map(([key, field]) => [key, field instanceof JsonText ? field.text() : field]));
  return { ok: true, value };
}

const HEX = new TextEncoder().encode('0123456789abcdef');

/** Writes `\\uXXXX` for the UTF-16 code unit `unit` at `at` in `ascii`. */
function writeEscape(ascii: Uint8Array, at: number, unit: number): void {
  ascii[at] = 0x5c; // \
  ascii[at + 1] = 0x75; // u
  ascii[at + 2] = HEX[unit >> 12] as number;
  ascii[at + 3] = HEX[(unit >> 8) & 0xf] as number;
  ascii[at + 4] = HEX[(unit >> 4) & 0xf] as number;
  ascii[at + 5] = HEX[unit & 0xf] as number;
}

/**
 * UTF-8 JSON text with every character beyond ASCII written as its \u escape (two, a surrogate pair, beyond the
 * Basic Multilingual Plane): the same JSON value, in bytes that are ASCII. `bytes` must be valid UTF-8, as text a
 * TextEncoder or Node wrote is; JSON holds such characters only inside strings, where an escape means the same.
 */
export function asciiJson(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  let length = end;
  // A lead byte says how many bytes its character takes (2, 3 or 4); its escape takes 6 (12 beyond the BMP).
  for (let i = 0; i < end; i += 1) {
    const byte = bytes[i] as number;
    if (byte >= 0xc0) length += byte < 0xe0 ? 4 : byte < 0xf0 ? 3 : 8;
  }
  if (length === end) return bytes;
  const ascii = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < end; ) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      ascii[at] = byte;
      at += 1;
      i += 1;
    } else if (byte < 0xe0) {
      writeEscape(ascii, at, ((byte & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f));
      at += 6;
      i += 2;
    } else if (byte < 0xf0) {
      writeEscape(ascii, at, ((byte & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f));
      at += 6;
      i += 3;
    } else {
      const point = (((byte & 0x07) << 18) | (((bytes[i + 1] as number) & 0x3f) << 12) | (((bytes[i + 2] as number) & 0x3f) << 6) | ((bytes[i + 3] as number) & 0x3f)) - 0x10000;
      writeEscape(ascii, at, 0xd800 | (point >> 10));
      writeEscape(ascii, at + 6, 0xdc00 | (point & 0x3ff));
      at += 12;
      i += 4;
    }
  }
  return ascii;
}

/**
 * The answer as the UTF-8 bytes of its JSON (an HTTP body), JsonText fields spliced in as ASCII (`asciiJson`):
 * Chromium decodes a journal page of 0.9 MB, Chinese in every complaint, in 12–13 ms, the same page in ASCII in
 * about 4 ms, and main escapes it in about 3 ms. At 100 000 complaints, with the pages read in the window's answer
 * worker, the worker's CPU fell from 22.5 s to 14.2 s and a restore from 90.6 s to 82.6 s (one run each).
 */
export function answerBody(result: Result<unknown>): Uint8Array {
  const encoder = new TextEncoder();
  if (!holdsJsonText(result)) return encoder.encode(JSON.stringify(result));
  const parts: Uint8Array[] = [encoder.encode('{"ok":true,"value":{')];
  // As JSON.stringify does, a field without a value is left out.
  const fields = Object.entries(result.value).filter(([, field]) => field !== undefined);
  for (const [index, [key, field]] of fields.entries()) {
    parts.push(encoder.encode(`${index === 0 ? '' : ','}${JSON.stringify(key)}:`));
    parts.push(field instanceof JsonText ? asciiJson(field.bytes) : encoder.encode(JSON.stringify(field)));
  }
  parts.push(encoder.encode('}}'));
  const body = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  return body;
}
