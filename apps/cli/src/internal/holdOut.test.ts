import { describe, expect, it } from 'vitest';
import { holdOut, validationSize } from './holdOut.js';

describe('the recipes’ held-out validation images', () => {
  it('hold out 1,000 of a full training set, and a tenth (at least one) of a small --limit set', () => {
    expect(validationSize(60_000)).toBe(1000);
    expect(validationSize(5000)).toBe(500);
    expect(validationSize(256)).toBe(25);
    expect(validationSize(5)).toBe(1);
  });

  it('split off the last n examples, labels and all, as views that share the data and never overlap', () => {
    const x = Float32Array.from({ length: 5 * 2 * 2 }, (_, i) => i);
    const labels = Int32Array.from([0, 1, 2, 3, 4]);
    const { train, held } = holdOut({ x, shape: [2, 2, 1], count: 5, labels, numClasses: 5 }, 2);
    expect([train.count, held.count]).toEqual([3, 2]);
    expect(Array.from(train.labels!)).toEqual([0, 1, 2]);
    expect(Array.from(held.labels!)).toEqual([3, 4]);
    expect(Array.from(held.x)).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(train.x.length + held.x.length).toBe(x.length);
    expect(train.x.buffer).toBe(x.buffer);
    expect(held.numClasses).toBe(5);
  });
});
