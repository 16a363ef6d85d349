/**
 * Which files may be attached as evidence (SPEC §1 "evidence"), declared once for main (which enforces it) and
 * the renderer (which checks early, so a clerk is not made to wait for an upload that will be refused).
 * Pure: bytes are `Uint8Array`, no Node or DOM. The schemas at the end are the evidence methods' contract.
 */
import { z } from 'zod';
import { EvidenceRefSchema } from '../domain/event-payloads';

/** Default per-file limit (20 MB): a phone photo, a few minutes of audio or a scanned document fit. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_MAX_MB = EVIDENCE_MAX_BYTES / (1024 * 1024);

export type EvidenceKind = 'image' | 'audio' | 'pdf' | 'document' | 'spreadsheet' | 'text';

interface EvidenceType {
  readonly kind: EvidenceKind;
  /** The first is the one a copy on disk gets; all are accepted when the browser sends no MIME type. */
  readonly extensions: readonly string[];
  /** Other names browsers and phones use for the same type. */
  readonly aliases?: readonly string[];
  /** Chromium can show it in an <img>. */
  readonly previewable?: boolean;
}

export const EVIDENCE_TYPES = {
  'image/jpeg': { kind: 'image', extensions: ['jpg', 'jpeg', 'jfif'], aliases: ['image/pjpeg', 'image/jpg'], previewable: true },
  'image/png': { kind: 'image', extensions: ['png'], previewable: true },
  'image/gif': { kind: 'image', extensions: ['gif'], previewable: true },
  'image/webp': { kind: 'image', extensions: ['webp'], previewable: true },
  'image/heic': { kind: 'image', extensions: ['heic', 'heif'], aliases: ['image/heif', 'image/heic-sequence', 'image/heif-sequence'] },
  'audio/mpeg': { kind: 'audio', extensions: ['mp3'], aliases: ['audio/mp3', 'audio/x-mp3', 'audio/mpeg3'] },
  'audio/mp4': { kind: 'audio', extensions: ['m4a'], aliases: ['audio/x-m4a', 'audio/m4a'] },
  'audio/wav': { kind: 'audio', extensions: ['wav'], aliases: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'] },
  'audio/amr': { kind: 'audio', extensions: ['amr'], aliases: ['audio/x-amr'] },
  'audio/ogg': { kind: 'audio', extensions: ['ogg', 'oga', 'opus'], aliases: ['audio/opus', 'application/ogg'] },
  'application/pdf': { kind: 'pdf', extensions: ['pdf'], aliases: ['application/x-pdf'] },
  'application/msword': { kind: 'document', extensions: ['doc'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', extensions: ['docx'] },
  'application/vnd.ms-excel': { kind: 'spreadsheet', extensions: ['xls'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'spreadsheet', extensions: ['xlsx'] },
  'text/plain': { kind: 'text', extensions: ['txt'] },
} as const satisfies Record<string, EvidenceType>;

export type EvidenceMime = keyof typeof EVIDENCE_TYPES;
const TYPES: Readonly<Record<string, EvidenceType>> = EVIDENCE_TYPES;

const byAlias = new Map<string, EvidenceMime>();
const byExtension = new Map<string, EvidenceMime>();
for (const [mime, type] of Object.entries(TYPES) as [EvidenceMime, EvidenceType][]) {
  byAlias.set(mime, mime);
  for (const alias of type.aliases ?? []) byAlias.set(alias, mime);
  for (const extension of type.extensions) byExtension.set(extension, mime);
}

/** For a file picker's `accept`: every allowed MIME type and extension. */
export const EVIDENCE_ACCEPT = [...byAlias.keys(), ...[...byExtension.keys()].map((extension) => `.${extension}`)].join(',');

export function isEvidenceMime(mime: string): mime is EvidenceMime {
  return Object.hasOwn(TYPES, mime);
}

export function evidenceKind(mime: string): EvidenceKind | undefined {
  return isEvidenceMime(mime) ? TYPES[mime]?.kind : undefined;
}

export function isPreviewable(mime: string): boolean {
  return isEvidenceMime(mime) && TYPES[mime]?.previewable === true;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The allowed type of a file as declared (browser `File.type`, parameters ignored), or from its extension when
 * the browser declared nothing or only `application/octet-stream` (common for .amr, .heic, .m4a on Windows).
 * Undefined when the file is not an allowed type.
 */
export function evidenceMimeOf(declared: string, fileName: string): EvidenceMime | undefined {
  const bare = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (bare !== '' && bare !== 'application/octet-stream') return byAlias.get(bare);
  return byExtension.get(extensionOf(fileName));
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * What the first bytes say the content is, for the types whose signature is certain: images and PDF, and
 * executables (refused whatever they are called). Undefined means "no certain signature".
 */
export function sniffEvidence(bytes: Uint8Array): EvidenceMime | 'executable' | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (HEIF_BRANDS.has(brand)) return 'image/heic';
  }
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, ascii('MZ')) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'executable';
  return undefined;
}

/**
 * The type to store for a file declared as `declared`, checked against its content: images and PDF must carry
 * a matching signature (a JPEG saved as .png is common on phones, so one image type is corrected to another);
 * anything that looks like a program is refused. Undefined means refuse.
 */
export function verifiedEvidenceMime(declared: string, bytes: Uint8Array): EvidenceMime | undefined {
  const mime = byAlias.get(declared.trim().toLowerCase());
  if (!mime) return undefined;
  const sniffed = sniffEvidence(bytes);
  if (sniffed === 'executable') return undefined;
  const kind = TYPES[mime]?.kind;
  if (kind === 'image') return sniffed !== undefined && evidenceKind(sniffed) === 'image' ? sniffed : undefined;
  if (kind === 'pdf') return sniffed === 'application/pdf' ? mime : undefined;
  // Audio, Office and text files have no single certain signature; a file that is clearly an image or PDF
  // under another type's name is kept as what it is.
  return sniffed ?? mime;
}

// Characters Windows forbids in file names, control characters, and the bidi overrides that can disguise an
// extension ("gpj.exe" shown as "exe.jpg").
// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
const UNSAFE_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name that is safe to create and to open with the system's default app: the person's name for the
 * file without its own extension, cleaned, and the extension of the *verified* type, so "发票.pdf.exe" stored
 * as a PDF can only ever open as a PDF.
 */
export function safeFileName(name: string, mime: EvidenceMime): string {
  const extension = TYPES[mime]?.extensions[0] ?? 'bin';
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const dot = lastSegment.lastIndexOf('.');
  const stem = (dot > 0 ? lastSegment.slice(0, dot) : lastSegment).replace(UNSAFE_CHARACTERS, '_').replace(/[. ]+$/, '').trim().slice(0, 120);
  const base = stem === '' || RESERVED_WINDOWS_NAMES.test(stem) ? `evidence_${stem}` : stem;
  return `${base}.${extension}`;
}

/** Length of the base64 text of `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** Base64 as the contract accepts it; a regex, because zod's own base64 check takes ~0.5 s on 20 MB. */
const Base64Schema = z
  // Room for a little more than the limit, so an oversize file reaches the service and is refused as such.
  .string()
  .max(base64Length(EVIDENCE_MAX_BYTES + 1024 * 1024))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
  .refine((text) => text.length % 4 === 0, 'base64');

const DeclaredMimeSchema = z.string().max(200);

export const EvidencePutInputSchema = z.strictObject({
  name: EvidenceRefSchema.shape.name,
  /** As declared by the picker (see `evidenceMimeOf`); main checks it against the content. */
  mime: DeclaredMimeSchema,
  dataBase64: Base64Schema,
});

/** Which stored file, and the type its EvidenceRef recorded (the store keeps bytes only). */
export const EvidenceGetInputSchema = z.strictObject({ hash: EvidenceRefSchema.shape.hash, mime: DeclaredMimeSchema });
export const EvidenceContentSchema = z.strictObject({ mime: EvidenceRefSchema.shape.mime, dataBase64: z.string() });
export const EvidenceOpenInputSchema = EvidenceGetInputSchema.extend({ name: EvidenceRefSchema.shape.name });
/** `opened: false` where there is no desktop to open it on (browser mode): the renderer downloads it instead. */
export const EvidenceOpenedSchema = z.strictObject({ opened: z.boolean() });
