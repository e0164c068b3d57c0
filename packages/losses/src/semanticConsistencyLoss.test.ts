import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, expectClose, useBackend } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { semanticConsistencyLoss } from './index.js';
import { centralDifferences, logSoftmax, value } from './testing/float64.js';

const TRANSLATED = [
  [2.0, -1.0, 0.5],
  [0.1, 0.2, 0.3],
  [-3.0, 4.0, 1.0],
  [1.5, 1.5, -2.0],
];
const SOURCE = [
  [0.2, 3.0, -1.0], // label 1, confident
  [5.0, 0.0, 0.0], // label 0, confident
  [0.1, 0.0, 0.3], // label 2, unsure
  [-1.0, -2.0, 4.0], // label 2, confident
];

const argmax = (row: readonly number[]): number => row.indexOf(Math.max(...row));
const topProbability = (row: readonly number[]): number => Math.max(...logSoftmax(row).map(Math.exp));

/** The float64 reference: mean over counted rows of −log softmax(translated)[argmax source]. */
function reference(translated: number[][], source: number[][], minConfidence = 0): number {
  let sum = 0;
  let count = 0;
  translated.forEach((row, n) => {
    if (topProbability(source[n]!) < minConfidence) return;
    sum -= logSoftmax(row)[argmax(source[n]!)]!;
    count += 1;
  });
  return count === 0 ? 0 : sum / count;
}

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe.each(NODE_BACKENDS)('semanticConsistencyLoss on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it('is the cross-entropy of the translations against the sources’ argmax labels (float64 reference)', () => {
    expectClose(value(semanticConsistencyLoss(tf.tensor2d(TRANSLATED), tf.tensor2d(SOURCE))), reference(TRANSLATED, SOURCE), { rtol: 1e-6 });
  });

  it('counts only sources at least minConfidence sure, and is 0 when none is', () => {
    expect(topProbability(SOURCE[2]!)).toBeLessThan(0.5);
    expectClose(value(semanticConsistencyLoss(tf.tensor2d(TRANSLATED), tf.tensor2d(SOURCE), { minConfidence: 0.5 })), reference(TRANSLATED, SOURCE, 0.5), { rtol: 1e-6 });
    expect(reference(TRANSLATED, SOURCE, 0.5)).not.toBeCloseTo(reference(TRANSLATED, SOURCE), 3);
    expect(value(semanticConsistencyLoss(tf.tensor2d(TRANSLATED), tf.tensor2d(SOURCE), { minConfidence: 1 }))).toBe(0);
  });

  it('has the gradient of the reference in the translation logits, and none in the source logits (central differences)', () => {
    const flat = TRANSLATED.flat();
    const rows = (x: number[]): number[][] => TRANSLATED.map((_, n) => x.slice(3 * n, 3 * n + 3));
    for (const minConfidence of [0, 0.5]) {
      const [gT, gS] = tf.grads((t: tf.Tensor, s: tf.Tensor) => semanticConsistencyLoss(t, s, { minConfidence }))([tf.tensor2d(TRANSLATED), tf.tensor2d(SOURCE)]);
      expectClose(gT!, centralDifferences((x) => reference(rows(x), SOURCE, minConfidence), flat), { atol: 1e-5 });
      expectClose(gS!, new Array<number>(12).fill(0), { atol: 0 });
    }
  });

  it('lets the gradient reach a network that produced both logits (a shared classifier on x and on G(x))', () => {
    // f(v) = v·W for the source, f(2v) for the "translation": d/dv flows only through the translated branch.
    const w = tf.tensor2d([[1, -1, 0.5], [0.3, 0.2, -0.4]]);
    const v = tf.tensor2d([[0.5, -1], [1, 2]]);
    const g = tf.grad((x: tf.Tensor) => semanticConsistencyLoss(tf.matMul(tf.mul(2, x), w), tf.matMul(x, w)))(v);
    const W = [[1, -1, 0.5], [0.3, 0.2, -0.4]];
    const f = (x: number[]): number => {
      const src = [0, 1].map((n) => [0, 1, 2].map((j) => x[2 * n]! * W[0]![j]! + x[2 * n + 1]! * W[1]![j]!));
      // The labels are held at the unperturbed source's argmax (a piecewise-constant function: locally fixed).
      return reference(src.map((r) => r.map((c) => 2 * c)), src);
    };
    expectClose(g, centralDifferences(f, [0.5, -1, 1, 2]), { atol: 1e-5 });
  });
});

describe('semanticConsistencyLoss input checks', () => {
  it('names the argument and what was expected', () => {
    expect(() => semanticConsistencyLoss(tf.zeros([4]), tf.zeros([4]))).toThrow(/semanticConsistencyLoss: 'translatedLogits' must be class logits \[n, k\], got shape \[4\]/);
    expect(() => semanticConsistencyLoss(tf.zeros([4, 3]), tf.zeros([4, 2]))).toThrow(/semanticConsistencyLoss: .*sourceLogits/);
    expect(() => semanticConsistencyLoss(tf.zeros([4, 3]), tf.zeros([4, 3]), { minConfidence: 2 })).toThrow(/minConfidence/);
    expect(() => semanticConsistencyLoss(tf.zeros([4, 3]), tf.zeros([4, 3]), { threshold: 0.5 } as never)).toThrow(/threshold/);
    expect(() => semanticConsistencyLoss([[1]] as never, tf.zeros([1, 1]))).toThrow(/'translatedLogits'/);
  });
  it('keeps the tensor count flat', () => {
    const t = tf.tensor2d(TRANSLATED);
    const s = tf.tensor2d(SOURCE);
    const before = tf.memory().numTensors;
    value(semanticConsistencyLoss(t, s, { minConfidence: 0.5 }));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([t, s]);
  });
});
