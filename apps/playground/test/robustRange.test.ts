import { describe, expect, it } from 'vitest';
import { robustRange } from '../src/views/robustRange.js';

describe('robustRange', () => {
  const calm = Array.from({ length: 200 }, (_, i) => 1 + Math.sin(i) / 10);

  it('clips an early spike far above the rest, and says so', () => {
    const r = robustRange([[40, 25, 9, ...calm]]);
    expect(r.clippedAbove).toBe(true);
    expect(r.max).toBe(40);
    expect(r.hi).toBeLessThan(1.3);
    expect(r.lo).toBeLessThan(0.91);
    expect(r.clippedBelow).toBe(false);
  });

  it('shows everything when nothing is far out', () => {
    const r = robustRange([calm, [0.85, 1.15]]);
    expect(r.clippedAbove).toBe(false);
    expect(r.clippedBelow).toBe(false);
    expect(r.lo).toBeLessThan(0.85);
    expect(r.hi).toBeGreaterThan(1.15);
  });

  it('clips a deep dip below too', () => {
    const r = robustRange([[...calm, -50]]);
    expect(r.clippedBelow).toBe(true);
    expect(r.min).toBe(-50);
    expect(r.lo).toBeGreaterThan(0.8);
  });

  it('gives a flat line a visible span and skips non-finite values', () => {
    const r = robustRange([[2, 2, 2, Number.NaN, Number.POSITIVE_INFINITY]]);
    expect(r.hi).toBeGreaterThan(2);
    expect(r.lo).toBeLessThan(2);
    expect(r.max).toBe(2);
    expect(robustRange([[Number.NaN]])).toMatchObject({ lo: 0, hi: 1, clippedAbove: false });
  });
});
