import type { Examples } from '../../examples.js';

/** Per-mode sample means, per-coordinate stds and frequencies of labelled 2-D points (test helper). */
export function mixtureStats(points: Examples, modes: number): { means: number[][]; stds: number[][]; frequencies: number[] } {
  const n = new Array<number>(modes).fill(0);
  const sum = Array.from({ length: modes }, () => [0, 0]);
  const sq = Array.from({ length: modes }, () => [0, 0]);
  for (let i = 0; i < points.count; i++) {
    const k = points.labels![i]!;
    n[k]!++;
    for (let d = 0; d < 2; d++) {
      const v = points.x[2 * i + d]!;
      sum[k]![d]! += v;
      sq[k]![d]! += v * v;
    }
  }
  const means = sum.map((s, k) => s.map((v) => v / n[k]!));
  const stds = sq.map((s, k) => s.map((v, d) => Math.sqrt((v - n[k]! * means[k]![d]! ** 2) / (n[k]! - 1))));
  return { means, stds, frequencies: n.map((c) => c / points.count) };
}
