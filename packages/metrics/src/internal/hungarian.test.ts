import { mulberry32 } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import { maxWeightAssignment } from './hungarian.js';

/** The best Σ w over one-to-one assignments of a rows × cols matrix, by enumerating permutations of the larger side. */
function bruteForce(w: Float64Array, rows: number, cols: number): number {
  let best = -Infinity;
  const n = Math.max(rows, cols);
  const perm = Array.from({ length: n }, (_, i) => i);
  const visit = (depth: number): void => {
    if (depth === n) {
      let total = 0;
      for (let r = 0; r < rows; r++) if (perm[r]! < cols) total += w[r * cols + perm[r]!]!;
      best = Math.max(best, total);
      return;
    }
    for (let i = depth; i < n; i++) {
      [perm[depth], perm[i]] = [perm[i]!, perm[depth]!];
      visit(depth + 1);
      [perm[depth], perm[i]] = [perm[i]!, perm[depth]!];
    }
  };
  visit(0);
  return best;
}

function total(w: Float64Array, cols: number, assignment: Int32Array): number {
  let sum = 0;
  assignment.forEach((c, r) => {
    if (c >= 0) sum += w[r * cols + c]!;
  });
  return sum;
}

describe('maxWeightAssignment', () => {
  it('matches brute force on random real and negative weights, square and rectangular', () => {
    const rand = mulberry32(5);
    for (const [rows, cols] of [[1, 1], [2, 2], [4, 4], [6, 6], [7, 7], [3, 7], [7, 3], [1, 6], [6, 1]] as const) {
      for (let trial = 0; trial < 10; trial++) {
        const w = Float64Array.from({ length: rows * cols }, () => 200 * rand() - 100);
        const assignment = maxWeightAssignment(w, rows, cols);
        const used = [...assignment].filter((c) => c >= 0);
        expect(used.length).toBe(Math.min(rows, cols));
        expect(new Set(used).size).toBe(used.length);
        expect(total(w, cols, assignment)).toBeCloseTo(bruteForce(w, rows, cols), 9);
      }
    }
  });

  it('solves the anti-greedy table exactly', () => {
    // Greedy takes 9 and is left with 0 + 1 = 10; the optimum is 8 + 8 + 1 = 17.
    const w = Float64Array.from([9, 8, 0, 8, 0, 0, 0, 0, 1]);
    expect([...maxWeightAssignment(w, 3, 3)]).toEqual([1, 0, 2]);
  });

  it('handles a 200 × 200 permutation table', () => {
    const rand = mulberry32(11);
    const n = 200;
    const perm = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
    const w = new Float64Array(n * n);
    perm.forEach((c, r) => (w[r * n + c] = 1));
    expect([...maxWeightAssignment(w, n, n)]).toEqual(perm);
  });
});
