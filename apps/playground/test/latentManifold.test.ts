import { describe, expect, it } from 'vitest';
import { cellDensities, latentGrid, manifoldLines } from '../src/views/latentManifold.js';

describe('latentGrid', () => {
  it('lays n × n codes over [−range, range]², row-major from the top-left', () => {
    expect(Array.from(latentGrid(3, 1))).toEqual([-1, 1, 0, 1, 1, 1, -1, 0, 0, 0, 1, 0, -1, -1, 0, -1, 1, -1]);
    expect(latentGrid(21).length).toBe(2 * 21 * 21);
  });

  it('refuses grids of fewer than 2 points a side or an empty range', () => {
    expect(() => latentGrid(1)).toThrow(/n must be an integer ≥ 2/);
    expect(() => latentGrid(4, 0)).toThrow(/range must be > 0/);
  });
});

describe('manifoldLines', () => {
  it('joins the outputs along latent rows, then latent columns', () => {
    // G(z) = (2 z₁, z₂ + z₁): rows stay straight but tilt; columns stay vertical.
    const z = latentGrid(3, 1);
    const out = new Float32Array(z.length);
    for (let i = 0; i < z.length; i += 2) [out[i], out[i + 1]] = [2 * z[i]!, z[i + 1]! + z[i]!];
    const lines = manifoldLines(out, 3);
    expect(lines).toHaveLength(6);
    expect(Array.from(lines[0]!)).toEqual([-2, 0, 0, 1, 2, 2]); // top row z₂ = 1
    expect(Array.from(lines[3]!)).toEqual([-2, 0, -2, -1, -2, -2]); // left column z₁ = −1
  });

  it('refuses outputs of the wrong size', () => {
    expect(() => manifoldLines(new Float32Array(17), 3)).toThrow(/expected 18 values/);
  });
});

describe('cellDensities', () => {
  const n = 31;
  const z = latentGrid(n, 3);

  it('is the N(0, I) density where G is the identity: peaked at the centre, mass ≈ 99.5% over ±3 std', () => {
    const d = cellDensities(z, n, 3);
    const area = (6 / (n - 1)) ** 2;
    const total = d.reduce((s, v) => s + v * area, 0);
    expect(total).toBeCloseTo((2 * 0.99865 - 1) ** 2, 3);
    // The middle cell (row 14, column 14 of 30 × 30 … its centre is at (−0.1, 0.1)) is close to φ(0)² = 1/2π.
    expect(d[14 * (n - 1) + 14]!).toBeCloseTo(1 / (2 * Math.PI), 2);
    expect(d[0]!).toBeLessThan(1e-3);
  });

  it('falls by 4 where G doubles the plane, and is infinite where G folds a cell flat', () => {
    const doubled = z.map((v) => 2 * v);
    const ratio = cellDensities(doubled, n, 3)[200]! / cellDensities(z, n, 3)[200]!;
    expect(ratio).toBeCloseTo(0.25, 6);
    const flat = z.map((v, i) => (i % 2 === 1 ? 0 : v)); // every point onto the x axis
    expect(cellDensities(flat, n, 3)[200]).toBe(Infinity);
  });

  it('is NaN for a cell with a non-finite corner', () => {
    const bad = Float32Array.from(z);
    bad[0] = Number.NaN;
    const d = cellDensities(bad, n, 3);
    expect(d[0]).toBeNaN();
    expect(Number.isFinite(d[1]!)).toBe(true);
  });
});
