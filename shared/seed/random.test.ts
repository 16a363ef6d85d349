import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return [random.next(), random.int(1, 6), random.uuid(), random.hex(10)];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays inside its ranges (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, span) => {
        const random = createRandom(seed);
        const value = random.int(min, min + span);
        expect(Number.isInteger(value) && value >= min && value <= min + span).toBe(true);
        const unit = random.next();
        expect(unit >= 0 && unit < 1).toBe(true);
        expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(random.weighted([['never', 0], ['always', 1]])).toBe('always');
      }),
    );
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
    expect(() => createRandom(1).weighted([])).toThrow(RangeError);
  });
});
