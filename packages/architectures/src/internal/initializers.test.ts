import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { dcganGenerator } from '../dcganGenerator.js';
import { mlpDiscriminator } from '../mlpDiscriminator.js';

const weights = (m: tf.LayersModel): number[] => m.getWeights().flatMap((w) => Array.from(w.dataSync()));
/** max |a − b| (a cheap comparison: a failing toEqual on ~10⁶ numbers spends minutes on its diff). */
const maxAbsDiff = (a: number[], b: number[]): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), a.length === b.length ? 0 : Infinity);

describe('seeded builders are reproducible', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });
  it('seed 0 builds identical weights twice (tfjs treats a raw seed 0 as unseeded)', () => {
    expect(maxAbsDiff(weights(dcganGenerator({ seed: 0 })), weights(dcganGenerator({ seed: 0 })))).toBe(0);
    expect(maxAbsDiff(weights(mlpDiscriminator({ seed: 0 })), weights(mlpDiscriminator({ seed: 0 })))).toBe(0);
  });
  it('different seeds build different weights', () => {
    expect(maxAbsDiff(weights(dcganGenerator({ seed: 0 })), weights(dcganGenerator({ seed: 1 })))).toBeGreaterThan(0);
  });
});
