import { expectClose } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import { twoMoons } from './twoMoons.js';

describe('twoMoons', () => {
  it('puts noise-free points on the unit half circles of make_moons', () => {
    const { x, labels, count } = twoMoons({ noise: 0 }).sample(1_000, 1);
    for (let i = 0; i < count; i++) {
      const [cx, cy] = labels![i] === 0 ? [0, 0] : [1, 0.5];
      expectClose(Math.hypot(x[2 * i]! - cx, x[2 * i + 1]! - cy), 1, { atol: 1e-6 });
      expect(labels![i] === 0 ? x[2 * i + 1]! : -(x[2 * i + 1]! - 0.5)).toBeGreaterThanOrEqual(-1e-6);
    }
  });

  it('draws each moon half the time (0.5 ± 0.015 over 10,000)', () => {
    const { labels, count } = twoMoons().sample(10_000, 2);
    const ones = labels!.reduce((a, b) => a + b, 0);
    expectClose(ones / count, 0.5, { atol: 0.015 });
  });

  it('rejects a negative noise, naming it', () => {
    expect(() => twoMoons({ noise: -1 })).toThrow(/twoMoons: 'noise' must be a finite number ≥ 0, got -1/);
  });
});
