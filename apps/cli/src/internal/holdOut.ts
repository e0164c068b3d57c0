import type { Examples } from '@gankit/datasets';

/** How many training images a recipe holds out for checkpoint selection (per domain for translation): 1,000, or a tenth of a small (`--limit`) set. */
export function validationSize(trainCount: number): number {
  return Math.max(1, Math.min(1000, Math.floor(trainCount / 10)));
}

/** The first `count − n` examples (to train on) and the last `n` (held out), as views of the same data. */
export function holdOut(e: Examples, n: number): { train: Examples; held: Examples } {
  const size = e.shape.reduce((a, b) => a * b, 1);
  const keep = e.count - n;
  const part = (from: number, to: number): Examples => ({
    x: e.x.subarray(from * size, to * size),
    shape: e.shape,
    count: to - from,
    ...(e.labels !== undefined ? { labels: e.labels.subarray(from, to) } : {}),
    ...(e.numClasses !== undefined ? { numClasses: e.numClasses } : {}),
  });
  return { train: part(0, keep), held: part(keep, e.count) };
}
