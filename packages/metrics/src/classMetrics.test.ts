import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import { classHistogram } from './classHistogram.js';
import { classHistogramKl } from './classHistogramKl.js';
import { conditionalAccuracy } from './conditionalAccuracy.js';
import { labelPreservation } from './labelPreservation.js';
import { meanTopConfidence } from './meanTopConfidence.js';

const oneHot = (labels: number[], k = 10) => labels.map((l) => Array.from({ length: k }, (_, j) => (j === l ? 1 : 0)));

describe('classHistogramKl', () => {
  it('is 0 for a uniform histogram and log K for one class', () => {
    expect(classHistogramKl(oneHot(Array.from({ length: 100 }, (_, i) => i % 10)))).toBe(0);
    expect(classHistogramKl(oneHot(Array(50).fill(3)))).toBeCloseTo(Math.log(10), 14);
  });

  it('matches Σ p log(K p) for a known histogram', () => {
    // counts [2, 1, 1, 0] over K = 4: ½ log 2 + 2·¼ log 1 = ½ log 2.
    expect(classHistogramKl(oneHot([0, 0, 1, 2], 4))).toBeCloseTo(0.5 * Math.log(2), 14);
  });

  it('gives the expected KL ≈ (K − 1)/(2n) for random classifier-free inputs (uniform random probabilities)', () => {
    const n = 5000;
    const k = 10;
    const rand = mulberry32(42);
    let sum = 0;
    const trials = 20;
    for (let t = 0; t < trials; t++) sum += classHistogramKl(Array.from({ length: n }, () => Array.from({ length: k }, rand)));
    // For a multinomial histogram of n draws from uniform, 2n·KL → χ²(K − 1), so E[KL] ≈ (K − 1)/(2n) = 0.0009.
    const expected = (k - 1) / (2 * n);
    expect(sum / trials).toBeGreaterThan(0.6 * expected);
    expect(sum / trials).toBeLessThan(1.4 * expected);
  });

  it('throws for an empty set, naming the argument', () => {
    expect(() => classHistogramKl([])).toThrow(/classHistogramKl: 'probabilities' is empty/);
  });
});

describe('classHistogram', () => {
  it('counts arg-max classes (the lower class on ties)', () => {
    expect([...classHistogram([[0.1, 0.9, 0], [0.5, 0.5, 0], [0, 0, 1], [0.2, 0.7, 0.1]])]).toEqual([1, 2, 1]);
  });
});

describe('meanTopConfidence', () => {
  it('is the mean of the row maxima', () => {
    expect(meanTopConfidence([[0.9, 0.1], [0.6, 0.4]])).toBeCloseTo(0.75, 15);
    expect(meanTopConfidence(Array(4).fill(Array(10).fill(0.1)))).toBeCloseTo(0.1, 15);
  });

  it('refuses logits and rows that are not distributions, naming the argument', () => {
    expect(() => meanTopConfidence([[2.3, -1]])).toThrow(/meanTopConfidence: 'probabilities' row 0 has the value 2.3, outside \[0, 1\]; pass softmax outputs, not logits/);
    expect(() => meanTopConfidence([[0.3, 0.3]])).toThrow(/'probabilities' row 0 sums to 0.6/);
  });
});

describe('conditionalAccuracy', () => {
  it('gives the fraction classified as requested, overall and per class', () => {
    const result = conditionalAccuracy(oneHot([0, 1, 1, 2], 3), [0, 1, 2, 2]);
    expect(result.accuracy).toBe(0.75);
    expect([...result.perClass]).toEqual([1, 1, 0.5]);
    expect([...result.counts]).toEqual([1, 1, 2]);
    expect(result.count).toBe(4);
  });

  it('reports NaN for a class never requested, and accepts tensors', () => {
    const probs = tf.tensor2d(oneHot([0, 0], 2));
    const labels = tf.tensor1d([0, 0], 'int32');
    const result = conditionalAccuracy(probs, labels);
    expect(result.accuracy).toBe(1);
    expect(result.perClass[1]).toBeNaN();
    tf.dispose([probs, labels]);
  });

  it('throws for mismatched lengths and bad labels, naming the argument', () => {
    expect(() => conditionalAccuracy(oneHot([0, 1], 2), [0])).toThrow(/conditionalAccuracy: 'requestedLabels' has 1 labels but there are 2 predictions/);
    expect(() => conditionalAccuracy(oneHot([0], 2), [2])).toThrow(/'requestedLabels\[0\]' must be a class index in 0…1, got 2/);
    expect(() => conditionalAccuracy(oneHot([0], 2), [0.5])).toThrow(/'requestedLabels\[0\]' must be a class index/);
  });
});

describe('labelPreservation', () => {
  it('gives the fraction of translations classified as their source label', () => {
    expect(labelPreservation(oneHot([3, 3, 4, 5]), [3, 3, 4, 4]).accuracy).toBe(0.75);
  });

  it('names its own argument in errors', () => {
    expect(() => labelPreservation(oneHot([3]), [3, 4])).toThrow(/labelPreservation: 'sourceLabels' has 2 labels but there are 1 predictions/);
  });
});
