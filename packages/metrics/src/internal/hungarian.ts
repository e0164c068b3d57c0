/**
 * A maximum-weight one-to-one assignment of the rows of a `rows × cols`
 * weight matrix (row-major) to its columns, by the Hungarian (Kuhn–Munkres)
 * algorithm with potentials (the O(n²m) shortest-augmenting-path form,
 * n = min(rows, cols), m = max(rows, cols); Kuhn 1955, Munkres 1957,
 * Jonker & Volgenant 1987). Every row is assigned if rows ≤ cols, every
 * column if rows > cols; the rest of the rows get −1.
 *
 * Maximizing Σ w_{i,σ(i)} is minimizing Σ −w_{i,σ(i)}: each row of the
 * (transposed, if taller than wide) matrix is added in turn, and a Dijkstra
 * search over reduced costs c_ij − u_i − v_j ≥ 0 finds the cheapest
 * augmenting path; the potentials keep reduced costs non-negative and are
 * dual-feasible, so the final assignment is optimal (complementary
 * slackness). Exact for integer weights (all arithmetic is on sums and
 * differences of them).
 *
 * @returns for each row, its column, or −1 if it is unassigned.
 */
export function maxWeightAssignment(weights: ArrayLike<number>, rows: number, cols: number): Int32Array {
  const transpose = rows > cols;
  const n = transpose ? cols : rows; // the side that is fully assigned
  const m = transpose ? rows : cols;
  // cost(i, j) for 1-based i ≤ n, j ≤ m.
  const cost = (i: number, j: number): number => -(transpose ? weights[(j - 1) * cols + (i - 1)]! : weights[(i - 1) * cols + (j - 1)]!);

  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: the row assigned to column j (0: none); column 0 is the path's root
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);

  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = cost(i0, j) - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    // Flip the augmenting path back to the root.
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }

  const assignment = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= m; j++) {
    const i = p[j]!;
    if (i === 0) continue;
    if (transpose) assignment[j - 1] = i - 1;
    else assignment[i - 1] = j - 1;
  }
  return assignment;
}
