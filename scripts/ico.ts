/**
 * The Windows icon container: a directory of images, each stored as a PNG (allowed since Windows Vista, and
 * what electron-builder and NSIS read). Layout: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then
 * the PNG bytes. A width or height of 256 is written as 0, as the format requires.
 */
export interface IcoImage {
  readonly size: number;
  readonly png: Uint8Array;
}

export function icoFile(images: readonly IcoImage[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => Buffer.from(image.png))]);
}

/** The sizes an .ico holds, read back from its directory (for tests and checks). */
export function icoSizes(file: Uint8Array): number[] {
  const bytes = Buffer.from(file);
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => bytes.readUInt8(6 + 16 * index) || 256);
}
