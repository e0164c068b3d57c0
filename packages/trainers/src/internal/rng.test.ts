import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('gives the same sequence for the same seed and different ones for different seeds or streams', () => {
    const a = Rng.fromSeed(1).uniformArray(5);
    expect(Array.from(Rng.fromSeed(1).uniformArray(5))).toEqual(Array.from(a));
    expect(Array.from(Rng.fromSeed(2).uniformArray(5))).not.toEqual(Array.from(a));
    expect(Array.from(Rng.fromSeed(1, 1).uniformArray(5))).not.toEqual(Array.from(a));
  });

  it('continues exactly from a saved state, through JSON', () => {
    const rng = Rng.fromSeed(3);
    rng.normalArray(7);
    const saved = JSON.parse(JSON.stringify(rng.getState()));
    const expected = Array.from(rng.normalArray(9));
    expect(Array.from(Rng.fromState(saved).normalArray(9))).toEqual(expected);
  });

  it('draws uniforms in [0, 1) and standard normals', () => {
    const rng = Rng.fromSeed(4);
    const u = rng.uniformArray(20000);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const z = rng.normalArray(20001);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('refuses a malformed state', () => {
    expect(() => Rng.fromState({ algorithm: 'xoshiro128**', state: [1, 2, 3] } as never)).toThrow(/not an xoshiro128\*\* state/);
  });
});
