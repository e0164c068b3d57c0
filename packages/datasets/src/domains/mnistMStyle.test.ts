import { expectClose } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import type { Examples } from '../examples.js';
import { loadMnist } from '../mnist/loadMnist.js';
import { mnistMStyle } from './mnistMStyle.js';

/** `count` grey 28×28 images, all pixels `value`. */
const flat = (count: number, value: number): Examples => ({
  x: new Float32Array(count * 784).fill(value),
  shape: [28, 28, 1],
  count,
  labels: new Int32Array(count),
  numClasses: 10,
});

describe('mnistMStyle', () => {
  it('makes 3-channel images of the same size, keeping the labels', async () => {
    const digits = await loadMnist({ split: 'test', limit: 50 });
    const b = mnistMStyle(digits, { seed: 1 });
    expect([b.count, ...b.shape]).toEqual([50, 28, 28, 3]);
    expect(b.labels).toBe(digits.labels);
    expect(b.numClasses).toBe(10);
  });

  it('blends by absolute difference: |p − 0| + |p − 1| = 1 for every patch pixel', () => {
    const onBlank = mnistMStyle(flat(20, 0), { seed: 3, range: '[0,1]' });
    const onInk = mnistMStyle(flat(20, 1), { seed: 3, range: '[0,1]' });
    const sum = onBlank.x.map((v, i) => v + onInk.x[i]!);
    expectClose(sum, new Float32Array(sum.length).fill(1), { atol: 1e-6 });
  });

  it('gives the same images in [−1, 1] as in [0, 1], mapped', async () => {
    const unit = mnistMStyle(await loadMnist({ split: 'test', range: '[0,1]', limit: 20 }), { seed: 4, range: '[0,1]' });
    const symmetric = mnistMStyle(await loadMnist({ split: 'test', range: '[-1,1]', limit: 20 }), { seed: 4, range: '[-1,1]' });
    expectClose(symmetric.x, unit.x.map((v) => 2 * v - 1), { atol: 1e-5 });
  });

  it('keeps values in range and uses coloured textures (mean |R − G| > 0.05)', () => {
    const b = mnistMStyle(flat(200, 0), { seed: 5, range: '[0,1]' });
    let min = Infinity;
    let max = -Infinity;
    let chroma = 0;
    for (let i = 0; i < b.x.length; i += 3) {
      for (let c = 0; c < 3; c++) [min, max] = [Math.min(min, b.x[i + c]!), Math.max(max, b.x[i + c]!)];
      chroma += Math.abs(b.x[i]! - b.x[i + 1]!);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(1);
    expect(chroma / (b.x.length / 3)).toBeGreaterThan(0.05);
  });

  it('is deterministic in the seed and differs between seeds', () => {
    const digits = flat(10, 0.3);
    expect(mnistMStyle(digits, { seed: 7 }).x).toEqual(mnistMStyle(digits, { seed: 7 }).x);
    expect(mnistMStyle(digits, { seed: 7 }).x).not.toEqual(mnistMStyle(digits, { seed: 8 }).x);
  });

  it('rejects colour input, naming the expected shape', () => {
    expect(() => mnistMStyle({ ...flat(1, 0), x: new Float32Array(784 * 3), shape: [28, 28, 3] })).toThrow(
      /mnistMStyle: 'digits' must be grey images of shape \[H, W, 1\], got shape \[28,28,3\]/,
    );
  });
});
