import { describe, expect, it } from 'vitest';
import { niceTicks, tickLabel } from '../src/views/niceTicks.js';

describe('niceTicks', () => {
  it('puts 1-2-5 multiples inside the range', () => {
    expect(niceTicks(-0.3, 2.7, 5)).toEqual({ values: [0, 0.5, 1, 1.5, 2, 2.5], step: 0.5 });
    expect(niceTicks(0, 100, 4)).toEqual({ values: [0, 20, 40, 60, 80, 100], step: 20 });
  });

  it('gives a short axis at least three labels, where the plain rule would give one', () => {
    // (1.05 − 0.95) / 2 = 0.05 → step 0.05 → only 1.0 inside; the floor on the count takes 0.02.
    const t = niceTicks(0.955, 1.045, 2, 3);
    expect(t.values.length).toBeGreaterThanOrEqual(3);
    expect(t.values.every((v) => v >= 0.955 && v <= 1.045)).toBe(true);
    expect(t.values).toEqual([0.96, 0.98, 1, 1.02, 1.04]);
  });

  it('rounds tick values to the step (no 0.30000000000000004)', () => {
    expect(niceTicks(0, 1, 10).values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('returns no ticks for an empty or non-finite range', () => {
    expect(niceTicks(1, 1).values).toEqual([]);
    expect(niceTicks(Number.NaN, 1).values).toEqual([]);
  });
});

describe('tickLabel', () => {
  it('writes as many decimals as the step needs, with thousands separators', () => {
    expect(tickLabel(0.25, 0.05)).toBe('0.25');
    expect(tickLabel(1, 0.5)).toBe('1.0');
    expect(tickLabel(1500, 500)).toBe('1,500');
    expect(tickLabel(-2, 1)).toBe('-2');
    expect(tickLabel(0, 0.001)).toBe('0');
  });

  it('switches to exponents for tiny and huge values', () => {
    expect(tickLabel(0.0005, 0.0001)).toBe('5e-4');
    expect(tickLabel(2e7, 1e7)).toBe('2e+7');
  });
});
