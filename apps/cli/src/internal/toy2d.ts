import * as tf from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { encodePng } from '@gankit/datasets';
import type { Examples, GaussianMixture2D } from '@gankit/datasets';
import { modeCoverage, precisionRecallDensityCoverage } from '@gankit/metrics';
import type { BatchSource } from '@gankit/trainers';
import type { RecipeRun, SampleJson } from '../recipes/recipe.js';

/**
 * Endless batches of fresh samples from a 2-D mixture: batch i is drawn with
 * seed (seed · 1,000,003 + i), so batch i is the same whenever it is drawn.
 */
export function mixtureBatches(mixture: GaussianMixture2D, batchSize: number, seed: number, firstBatch: number): BatchSource {
  return (function* () {
    for (let i = firstBatch; ; i++) {
      const points = mixture.sample(batchSize, seed * 1_000_003 + i);
      yield { x: tf.tensor2d(points.x, [batchSize, 2]) };
    }
  })();
}

/** Writes a scatter plot of 2-D samples (blue) over the true modes (red rings at 3 std) as a PNG. */
export async function writeScatterPlot(points: Float32Array, mixture: GaussianMixture2D, file: string, size = 512): Promise<void> {
  const xs = mixture.centres.map((c) => c[0]);
  const ys = mixture.centres.map((c) => c[1]);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const half = span * 0.5 + span * 0.2;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  const toPixel = (x: number, y: number): [number, number] => [Math.round(((x - cx + half) / (2 * half)) * (size - 1)), Math.round(((cy + half - y) / (2 * half)) * (size - 1))];
  const put = (px: number, py: number, r: number, g: number, b: number): void => {
    if (px < 0 || py < 0 || px >= size || py >= size) return;
    const o = (py * size + px) * 4;
    data[o] = r;
    data[o + 1] = g;
    data[o + 2] = b;
  };
  for (let i = 0; i + 1 < points.length; i += 2) {
    const [px, py] = toPixel(points[i]!, points[i + 1]!);
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) put(px + dx, py + dy, 40, 80, 200);
  }
  const ring = Math.max(3, Math.round(((3 * mixture.std) / (2 * half)) * size));
  for (const [mx, my] of mixture.centres) {
    const [px, py] = toPixel(mx, my);
    for (let a = 0; a < 360; a += 3) put(Math.round(px + ring * Math.cos((a * Math.PI) / 180)), Math.round(py + ring * Math.sin((a * Math.PI) / 180)), 220, 30, 30);
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, encodePng({ width: size, height: size, data }));
}

/**
 * The seed of a 2-D recipe's validation split: the training batches of seed s
 * are drawn with seeds s · 1,000,003 + i, far below this, so the split is
 * never trained on.
 */
export const validationSeed = (seed: number): number => 2_000_000_000 + seed;

/**
 * The RecipeRun parts every 2-D recipe shares: sampling, pictures, JSON, the
 * VEEGAN/PacGAN metrics on 2,500 samples, and for checkpoint selection
 * k-NN precision, recall, density and coverage (k = 5) of 2,500 samples
 * against a validation split of 2,500 points from the training distribution.
 */
export function toy2dParts(
  trainer: RecipeRun['trainer'],
  mixture: GaussianMixture2D,
  batchSize: number,
  seed: number,
): Omit<RecipeRun, 'trainer'> {
  let validation: Examples | undefined;
  return {
    pictureSamples: 1000,
    batches: (completed) => mixtureBatches(mixture, batchSize, seed, completed * trainer.batchesPerStep),
    sample: (n, options) => trainer.sample(n, options.seed === undefined ? {} : { seed: options.seed }),
    writePicture: async (samples, file) => writeScatterPlot(samples.dataSync() as Float32Array, mixture, file),
    toJson: (samples): SampleJson => ({ shape: samples.shape, data: Array.from(samples.dataSync()) }),
    evaluate: async (options) => {
      const samples = trainer.sample(options?.samples ?? 2500, { seed: 12345 });
      const m = modeCoverage(samples, mixture);
      samples.dispose();
      return { modesCovered: m.modesCovered, numModes: m.numModes, highQualityPercent: 100 * m.highQualityFraction, reverseKl: m.reverseKl };
    },
    validate: async () => {
      validation ??= mixture.sample(2500, validationSeed(seed));
      // Another sampling seed than evaluate's, so selection does not pick the test draw's luck.
      const samples = trainer.sample(2500, { seed: 54321 });
      const r = precisionRecallDensityCoverage(validation, samples);
      samples.dispose();
      return { precision: r.precision, recall: r.recall, density: r.density, coverage: r.coverage };
    },
  };
}
