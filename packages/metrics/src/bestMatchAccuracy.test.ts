import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import { bestMatchAccuracy } from './bestMatchAccuracy.js';

/** Codes and labels whose k × m contingency table is `table`. */
function fromTable(table: number[][]): { codes: number[]; labels: number[] } {
  const codes: number[] = [];
  const labels: number[] = [];
  table.forEach((row, c) => row.forEach((count, l) => {
    for (let i = 0; i < count; i++) {
      codes.push(c);
      labels.push(l);
    }
  }));
  return { codes, labels };
}

/** All injective maps from 0…k−1 into 0…m−1 (k ≤ m), as arrays. */
function injections(k: number, m: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (const head of injections(k - 1, m)) {
    for (let l = 0; l < m; l++) if (!head.includes(l)) out.push([...head, l]);
  }
  return out;
}

/** max over one-to-one maps of Σ matched counts, by enumeration (either orientation). */
function bruteForceBest(table: number[][]): number {
  const k = table.length;
  const m = table[0]!.length;
  let best = 0;
  if (k <= m) {
    for (const map of injections(k, m)) best = Math.max(best, map.reduce((s, l, c) => s + table[c]![l]!, 0));
  } else {
    for (const map of injections(m, k)) best = Math.max(best, map.reduce((s, c, l) => s + table[c]![l]!, 0));
  }
  return best;
}

/** The greedy map: repeatedly take the largest remaining cell and remove its row and column. */
function greedyTotal(table: number[][]): number {
  const rows = new Set(table.keys());
  const cols = new Set(table[0]!.keys());
  let total = 0;
  while (rows.size > 0 && cols.size > 0) {
    let best = { c: -1, l: -1, v: -1 };
    for (const c of rows) for (const l of cols) if (table[c]![l]! > best.v) best = { c, l, v: table[c]![l]! };
    total += best.v;
    rows.delete(best.c);
    cols.delete(best.l);
  }
  return total;
}

const randomTable = (rand: () => number, k: number, m: number, max: number) =>
  Array.from({ length: k }, () => Array.from({ length: m }, () => Math.floor(rand() * (max + 1))));

/** Σ_c N[c][mapping[c]] over matched codes, checking the mapping is one-to-one. */
function matchedTotal(table: number[][], mapping: number[]): number {
  const used = mapping.filter((l) => l >= 0);
  expect(new Set(used).size).toBe(used.length);
  return mapping.reduce((s, l, c) => (l >= 0 ? s + table[c]![l]! : s), 0);
}

describe('bestMatchAccuracy', () => {
  it('finds the optimal assignment of a hand-computed table where the greedy map is worse', () => {
    // Greedy takes 5 (code 0 → label 0), then only 0 + 3 remain: 8/16.
    // Optimal: 0 → 1 (4), 1 → 0 (4), 2 → 2 (3) = 11/16.
    const table = [
      [5, 4, 0],
      [4, 0, 0],
      [0, 0, 3],
    ];
    const { codes, labels } = fromTable(table);
    expect(greedyTotal(table)).toBe(8);
    const result = bestMatchAccuracy(codes, labels);
    expect(result.accuracy).toBe(11 / 16);
    expect(result.mapping).toEqual([1, 0, 2]);
    expect(result.contingency).toEqual(table);
  });

  it('gives 1 and the permutation for a permuted perfect map', () => {
    const permutation = [3, 7, 0, 9, 1, 4, 8, 2, 6, 5];
    const rand = mulberry32(1);
    const codes = Int32Array.from({ length: 1000 }, () => Math.floor(rand() * 10));
    const labels = Array.from(codes, (c) => permutation[c]!);
    const result = bestMatchAccuracy(codes, labels);
    expect(result.accuracy).toBe(1);
    expect(result.mapping).toEqual(permutation);
  });

  it('gives about 1/k for codes independent of the labels', () => {
    const rand = mulberry32(7);
    const n = 100_000;
    const codes = Int32Array.from({ length: n }, () => Math.floor(rand() * 10));
    const labels = Int32Array.from({ length: n }, () => Math.floor(rand() * 10));
    // Each cell is ≈ Binomial(n, 1/100) = 1000 ± 31; the best map picks cells a little above the
    // mean (≈ 0.104 over seeds), never below 1/k (the best map is at least the average permutation).
    const { accuracy } = bestMatchAccuracy(codes, labels);
    expect(accuracy).toBeGreaterThanOrEqual(0.1);
    expect(accuracy).toBeLessThan(0.108);
  });

  it('leaves codes unmatched (−1) when there are more codes than labels', () => {
    // Best: 0 → 0 (4) and 1 → 1 (3) = 7 of 13; code 2 is unmatched.
    const table = [
      [4, 1],
      [3, 3],
      [0, 2],
    ];
    const { codes, labels } = fromTable(table);
    const result = bestMatchAccuracy(codes, labels);
    expect(result.accuracy).toBe(7 / 13);
    expect(result.mapping).toEqual([0, 1, -1]);
    expect(result.contingency).toEqual(table);
  });

  it('uses k of the m labels when there are fewer codes than labels', () => {
    // Best: 0 → 2 (3) and 1 → 1 (5) = 8 of 13 (0 → 1 would leave code 1 nothing).
    const table = [
      [1, 4, 3],
      [0, 5, 0],
    ];
    const { codes, labels } = fromTable(table);
    const result = bestMatchAccuracy(codes, labels);
    expect(result.accuracy).toBe(8 / 13);
    expect(result.mapping).toEqual([2, 1]);
  });

  it('maps a single code to the most frequent label', () => {
    const result = bestMatchAccuracy([0, 0, 0, 0, 0], [2, 1, 2, 0, 2]);
    expect(result.accuracy).toBe(3 / 5);
    expect(result.mapping).toEqual([2]);
    expect(result.contingency).toEqual([[1, 1, 3]]);
  });

  it('agrees with brute force over all 120 permutations for random 5 × 5 tables', () => {
    const rand = mulberry32(2024);
    for (let trial = 0; trial < 300; trial++) {
      // Small entries (0…3) make many ties; larger ones (0…50) make unique optima.
      const table = randomTable(rand, 5, 5, trial % 2 === 0 ? 3 : 50);
      const { codes, labels } = fromTable(table);
      if (codes.length === 0) continue;
      const result = bestMatchAccuracy(codes, labels, { numCodes: 5, numLabels: 5 });
      const best = bruteForceBest(table);
      expect(result.accuracy).toBe(best / codes.length);
      expect(matchedTotal(table, result.mapping)).toBe(best);
      expect(result.mapping.every((l) => l >= 0)).toBe(true);
    }
  });

  it('agrees with brute force over all injective maps for random rectangular tables', () => {
    const rand = mulberry32(99);
    for (const [k, m] of [[3, 6], [6, 3], [2, 5], [5, 2], [1, 4], [4, 1]] as const) {
      for (let trial = 0; trial < 40; trial++) {
        const table = randomTable(rand, k, m, 20);
        const { codes, labels } = fromTable(table);
        if (codes.length === 0) continue;
        const result = bestMatchAccuracy(codes, labels, { numCodes: k, numLabels: m });
        const best = bruteForceBest(table);
        expect(result.accuracy).toBe(best / codes.length);
        expect(matchedTotal(table, result.mapping)).toBe(best);
        expect(result.mapping.filter((l) => l === -1).length).toBe(Math.max(0, k - m));
      }
    }
  });

  it('sizes the table by numCodes and numLabels without changing the accuracy', () => {
    const inferred = bestMatchAccuracy([0, 0, 1, 1], [1, 1, 0, 1]);
    const padded = bestMatchAccuracy([0, 0, 1, 1], [1, 1, 0, 1], { numCodes: 4, numLabels: 3 });
    expect(inferred.contingency).toEqual([[0, 2], [1, 1]]);
    expect(padded.contingency).toEqual([[0, 2, 0], [1, 1, 0], [0, 0, 0], [0, 0, 0]]);
    expect(padded.accuracy).toBe(inferred.accuracy);
    expect(padded.accuracy).toBe(3 / 4);
    expect(padded.mapping).toHaveLength(4);
    expect(padded.mapping.slice(0, 2)).toEqual([1, 0]);
  });

  it('accepts tensors, typed arrays and class probabilities, and does not dispose tensors', () => {
    const codes = tf.tensor1d([2, 2, 0, 1, 1], 'int32');
    // Arg max per row: labels 0, 0, 1, 2, 0 (the last row's tie goes to the lower class).
    const probabilities = tf.tensor2d([[0.8, 0.1, 0.1], [0.6, 0.3, 0.1], [0.1, 0.7, 0.2], [0, 0.1, 0.9], [0.4, 0.2, 0.4]]);
    // Best: 2 → 0 (2), 0 → 1 (1), 1 → 2 (1) = 4 of 5.
    const expected = { accuracy: 0.8, mapping: [1, 2, 0], contingency: [[0, 1, 0], [1, 0, 1], [2, 0, 0]] };
    expect(bestMatchAccuracy(codes, probabilities)).toEqual(expected);
    expect(bestMatchAccuracy(Int32Array.from([2, 2, 0, 1, 1]), probabilities.arraySync())).toEqual(expected);
    expect(bestMatchAccuracy(tf.oneHot(codes, 3), { x: probabilities.dataSync(), count: 5, shape: [3] })).toEqual(expected);
    expect(bestMatchAccuracy(tf.tensor1d([2, 2, 0, 1, 1]), [0, 0, 1, 2, 0])).toEqual(expected);
    expect(codes.isDisposed || probabilities.isDisposed).toBe(false);
    tf.dispose([codes, probabilities]);
  });

  it('throws for mismatched lengths, naming both arguments', () => {
    expect(() => bestMatchAccuracy([0, 1, 1], [0, 1])).toThrow(/bestMatchAccuracy: 'labels' has 2 entries but 'codes' has 3; they must match/);
  });

  it('throws for codes and labels that are not class indices, naming the argument and index', () => {
    expect(() => bestMatchAccuracy([0, 1.5], [0, 1])).toThrow(/bestMatchAccuracy: 'codes\[1\]' must be an integer ≥ 0, got 1.5/);
    expect(() => bestMatchAccuracy([0, 1], [0, -1])).toThrow(/bestMatchAccuracy: 'labels\[1\]' must be an integer ≥ 0, got -1/);
    expect(() => bestMatchAccuracy([0, 1], [0, NaN])).toThrow(/'labels\[1\]' must be an integer ≥ 0, got NaN/);
    expect(() => bestMatchAccuracy([0, 3], [0, 1], { numCodes: 3 })).toThrow(/'codes\[1\]' must be a class index in 0…2, got 3/);
  });

  it('throws for empty, disposed, non-finite or wrongly typed inputs, naming the argument', () => {
    expect(() => bestMatchAccuracy([], [])).toThrow(/bestMatchAccuracy: 'codes' is empty/);
    expect(() => bestMatchAccuracy([0], [[0.5, Infinity]])).toThrow(/bestMatchAccuracy: 'labels' has a non-finite value \(Infinity\) at row 0, column 1/);
    expect(() => bestMatchAccuracy(null as unknown as number[], [0])).toThrow(/bestMatchAccuracy: 'codes' must be an array or tensor of class indices/);
    const disposed = tf.tensor1d([0, 1], 'int32');
    disposed.dispose();
    expect(() => bestMatchAccuracy([0, 1], disposed)).toThrow(/bestMatchAccuracy: 'labels' has been disposed/);
  });

  it('throws for bad options, naming the option', () => {
    expect(() => bestMatchAccuracy([0], [0], { numCodes: 0 })).toThrow(/bestMatchAccuracy: 'numCodes' must be an integer ≥ 1, got 0/);
    expect(() => bestMatchAccuracy([0], [0], { numLabels: 2.5 })).toThrow(/bestMatchAccuracy: 'numLabels' must be an integer ≥ 1, got 2.5/);
    expect(() => bestMatchAccuracy([0], [[0.2, 0.8]], { numLabels: 3 })).toThrow(/bestMatchAccuracy: 'numLabels' is 3 but 'labels' has 2 columns/);
    expect(() => bestMatchAccuracy([0], [0], { numClusters: 2 } as never)).toThrow(/bestMatchAccuracy: unknown option 'numClusters'/);
  });
});
