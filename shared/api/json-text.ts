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

/** The answer as the UTF-8 bytes of its JSON (an HTTP body), JsonText fields spliced in as they are. */
export function answerBody(result: Result<unknown>): Uint8Array {
  const encoder = new TextEncoder();
  if (!holdsJsonText(result)) return encoder.encode(JSON.stringify(result));
  const parts: Uint8Array[] = [encoder.encode('{"ok":true,"value":{')];
  // As JSON.stringify does, a field without a value is left out.
  const fields = Object.entries(result.value).filter(([, field]) => field !== undefined);
  for (const [index, [key, field]] of fields.entries()) {
    parts.push(encoder.encode(`${index === 0 ? '' : ','}${JSON.stringify(key)}:`));
    parts.push(field instanceof JsonText ? field.bytes : encoder.encode(JSON.stringify(field)));
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
