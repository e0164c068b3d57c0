import { describe, expect, it } from 'vitest';
import { toOneHot } from './toOneHot.js';

describe('toOneHot', () => {
  it('puts a single 1 in each row at the label’s column', () => {
    expect(Array.from(toOneHot(Int32Array.of(2, 0, 1), 3))).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });

  it('rejects a label outside 0…numClasses−1, naming its index', () => {
    expect(() => toOneHot([0, 10], 10)).toThrow(/toOneHot: label 10 at index 1 is outside 0…9/);
  });
});
