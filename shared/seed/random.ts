/**
 * A small seeded random source (mulberry32) for sample data: the same seed gives the same sequence on every
 * machine and every run, which is what makes the seed output byte-identical. Not for anything secret.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn by weight: `[[item, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
  /** A version-4 UUID (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`). */
  uuid(): string;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Eight hex digits of a 32-bit word. */
const hexWord = (word: number): string =>
  (HEX_BYTES[word >>> 24] as string) + (HEX_BYTES[(word >>> 16) & 255] as string) + (HEX_BYTES[(word >>> 8) & 255] as string) + (HEX_BYTES[word & 255] as string);

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const entry of entries) total += entry[1];
      let roll = next() * total;
      for (const entry of entries) {
        roll -= entry[1];
        if (roll < 0) return entry[0];
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
    hex: (length) => {
      let text = '';
      while (text.length < length) text += hexWord(Math.floor(next() * 0x100000000));
      return text.slice(0, length);
    },
    uuid: () => {
      const a = hexWord(Math.floor(next() * 0x100000000));
      const b = hexWord(Math.floor(next() * 0x100000000));
      const c = hexWord(((Math.floor(next() * 0x100000000) & 0x3fffffff) | 0x80000000) >>> 0);
      const d = hexWord(Math.floor(next() * 0x100000000));
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
    },
  };
}
