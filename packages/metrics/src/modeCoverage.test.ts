import * as tf from '@tensorflow/tfjs';
import { gridOfGaussians, ringOfGaussians } from '@gankit/datasets';
import type { Examples } from '@gankit/datasets';
import { describe, expect, it } from 'vitest';
import { modeCoverage } from './modeCoverage.js';

/** Keeps the samples whose label passes `keep`. */
function filterSamples(s: Examples, keep: (label: number) => boolean): Examples {
  const rows: number[] = [];
  s.labels!.forEach((l, i) => keep(l) && rows.push(i));
  return { x: Float32Array.from(rows.flatMap((i) => [s.x[2 * i]!, s.x[2 * i + 1]!])), count: rows.length, shape: [2] };
}

/** `perMode[k]` points exactly at centre k. */
function atCentres(centres: ReadonlyArray<readonly [number, number]>, perMode: number[]): number[][] {
  return centres.flatMap((c, k) => Array.from({ length: perMode[k]! }, () => [c[0], c[1]]));
}

describe('modeCoverage', () => {
  it('finds all 8 ring modes in real samples, with the 2-D 3σ mass 1 − e^{−9/2} = 98.89% high quality', () => {
    const ring = ringOfGaussians();
    const result = modeCoverage(ring.sample(20_000, 1), ring);
    expect(result.modesCovered).toBe(8);
    expect(result.numModes).toBe(8);
    expect(result.highQualityFraction).toBeCloseTo(1 - Math.exp(-4.5), 2);
    expect(result.reverseKl).toBeLessThan(0.002);
  });

  it('finds all 25 grid modes in 2,500 real samples', () => {
    const grid = gridOfGaussians();
    const result = modeCoverage(grid.sample(2500, 2), grid);
    expect(result.modesCovered).toBe(25);
    expect(result.count).toBe(2500);
    expect(result.highQualityCount).toBe(Math.round(result.highQualityFraction * 2500));
  });

  it('loses exactly the mode that collapsed, and only it', () => {
    const grid = gridOfGaussians();
    const result = modeCoverage(filterSamples(grid.sample(2500, 3), (l) => l !== 7), grid);
    expect(result.modesCovered).toBe(24);
    expect(result.modeCounts[7]).toBe(0);
    result.modeCounts.forEach((c, k) => k !== 7 && expect(c).toBeGreaterThan(0));
  });

  it('gives reverse KL 0 for a uniform mode histogram and log K for a single mode', () => {
    const ring = ringOfGaussians();
    expect(modeCoverage(atCentres(ring.centres, Array(8).fill(10)), ring).reverseKl).toBe(0);
    const collapsed = modeCoverage(atCentres(ring.centres, [50, 0, 0, 0, 0, 0, 0, 0]), ring);
    expect(collapsed.reverseKl).toBeCloseTo(Math.log(8), 14);
    expect(collapsed.modesCovered).toBe(1);
    // Two modes, 3:1 → Σ p log(8p) = ¾ log 6 + ¼ log 2.
    expect(modeCoverage(atCentres(ring.centres, [3, 1, 0, 0, 0, 0, 0, 0]), ring).reverseKl).toBeCloseTo(0.75 * Math.log(6) + 0.25 * Math.log(2), 14);
  });

  it('counts only high-quality samples: far points cover nothing, and no high-quality sample gives reverse KL +∞', () => {
    const ring = ringOfGaussians();
    const far = modeCoverage([[0, 0], [5, 5], [1.031, 0]], ring); // 0.031 from (1, 0) is just beyond 3 std = 0.03
    expect(far.modesCovered).toBe(0);
    expect(far.highQualityFraction).toBe(0);
    expect(far.reverseKl).toBe(Infinity);
    const edge = modeCoverage([[1.029, 0]], ring);
    expect(edge.modesCovered).toBe(1);
    expect(modeCoverage([[1.04, 0]], ring, { threshold: 5 }).highQualityCount).toBe(1);
  });

  it('accepts a tensor of samples', () => {
    const ring = ringOfGaussians();
    const t = tf.tensor2d(atCentres(ring.centres, Array(8).fill(1)));
    expect(modeCoverage(t, ring).modesCovered).toBe(8);
    t.dispose();
  });

  it('throws for empty samples, a dimension mismatch and a bad mixture, naming the argument', () => {
    const ring = ringOfGaussians();
    expect(() => modeCoverage([], ring)).toThrow(/modeCoverage: 'samples' is empty/);
    expect(() => modeCoverage([[1, 2, 3]], ring)).toThrow(/'samples' are points of dimension 3 but 'mixture.centres' of dimension 2/);
    expect(() => modeCoverage([[1, 2]], { centres: [], std: 1 })).toThrow(/'mixture.centres' must be a non-empty array/);
    expect(() => modeCoverage([[1, 2]], { centres: [[0, 0]], std: 0 })).toThrow(/'mixture.std' must be a finite number > 0/);
    expect(() => modeCoverage([[NaN, 2]], ring)).toThrow(/'samples' has a non-finite value \(NaN\) at row 0/);
  });
});
