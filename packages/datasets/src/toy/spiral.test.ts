import { describe, expect, it } from 'vitest';
import { spiral } from './spiral.js';

describe('spiral', () => {
  it('lies on the roll r = t, t ∈ [1.5π, 4.5π], scaled by 1/7.5 (noise-free)', () => {
    const { x, count, shape } = spiral({ noise: 0 }).sample(2_000, 1);
    expect(shape).toEqual([2]);
    for (let i = 0; i < count; i++) {
      const px = x[2 * i]! * 7.5;
      const py = x[2 * i + 1]! * 7.5;
      const r = Math.hypot(px, py);
      expect(r).toBeGreaterThanOrEqual(1.5 * Math.PI - 1e-3);
      expect(r).toBeLessThanOrEqual(4.5 * Math.PI + 1e-3);
      // On the roll the angle equals the radius (mod 2π).
      const wrapped = Math.atan2(py, px) - r;
      expect(Math.abs(Math.atan2(Math.sin(wrapped), Math.cos(wrapped)))).toBeLessThan(1e-3);
    }
  });

  it('adds noise of the stated std: radial residual std ≈ 0.25 (±10%)', () => {
    const clean = spiral({ noise: 0 }).sample(20_000, 2);
    const noisy = spiral().sample(20_000, 2);
    // Same seed draws the same t; the difference is the noise, scaled by 1/7.5.
    let sq = 0;
    for (let i = 0; i < clean.x.length; i++) sq += ((noisy.x[i]! - clean.x[i]!) * 7.5) ** 2;
    expect(Math.sqrt(sq / clean.x.length)).toBeGreaterThan(0.225);
    expect(Math.sqrt(sq / clean.x.length)).toBeLessThan(0.275);
  });
});
