import * as tf from '@tensorflow/tfjs';
import type { FlatMatrix, MatrixLike } from '../matrixLike.js';

/** A dense float64 matrix, row-major. */
export interface Matrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Copies `input` into a float64 {@link Matrix}, checking it is non-empty and finite; errors name `fn` and `name`. */
export function toMatrix(fn: string, name: string, input: MatrixLike): Matrix {
  let data: Float64Array;
  let rows: number;
  let cols: number;
  if (input instanceof tf.Tensor) {
    if (input.isDisposed) throw new Error(`${fn}: '${name}' has been disposed`);
    if (input.rank < 2) throw new RangeError(`${fn}: '${name}' must be a tensor of rank ≥ 2 (n rows × d), got shape [${input.shape.join(', ')}]`);
    rows = input.shape[0]!;
    cols = product(input.shape.slice(1));
    data = Float64Array.from(input.dataSync() as ArrayLike<number>);
  } else if (Array.isArray(input)) {
    rows = input.length;
    const first: ArrayLike<number> | undefined = input[0];
    cols = first?.length ?? 0;
    data = new Float64Array(rows * cols);
    input.forEach((row: ArrayLike<number>, i: number) => {
      if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
        throw new TypeError(`${fn}: '${name}[${i}]' must be an array of numbers`);
      }
      if (row.length !== cols) throw new RangeError(`${fn}: '${name}' rows must all have length ${cols}, but row ${i} has ${row.length}`);
      for (let j = 0; j < cols; j++) data[i * cols + j] = row[j]!;
    });
  } else if (input !== null && typeof input === 'object' && 'x' in input && 'count' in input && 'shape' in input) {
    const flat = input as FlatMatrix;
    rows = flat.count;
    cols = product(flat.shape);
    if (!Number.isInteger(rows) || rows < 0 || flat.x.length !== rows * cols) {
      throw new RangeError(`${fn}: '${name}' holds ${flat.x.length} values, not count × prod(shape) = ${rows} × ${cols}`);
    }
    data = Float64Array.from(flat.x);
  } else {
    throw new TypeError(`${fn}: '${name}' must be a tf.Tensor, an array of rows, or { x, count, shape }, got ${input === null ? 'null' : typeof input}`);
  }
  if (rows === 0) throw new RangeError(`${fn}: '${name}' is empty (0 rows)`);
  if (cols === 0) throw new RangeError(`${fn}: '${name}' has rows of dimension 0`);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      throw new RangeError(`${fn}: '${name}' has a non-finite value (${data[i]}) at row ${Math.floor(i / cols)}, column ${i % cols}`);
    }
  }
  return { data, rows, cols };
}

/** Throws unless `m` has exactly `cols` columns, naming the argument and the other one it must match. */
export function checkCols(fn: string, name: string, m: Matrix, cols: number, other: string): void {
  if (m.cols !== cols) {
    throw new RangeError(`${fn}: '${name}' has dimension ${m.cols} but '${other}' has ${cols}; they must match`);
  }
}

/** (A + Aᵀ)/2 in place, after checking |a_ij − a_ji| ≤ tol·max|a|; errors name the argument. */
export function symmetrize(fn: string, name: string, a: Float64Array, n: number, tol: number): Float64Array {
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]!));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = a[i * n + j]!;
      const y = a[j * n + i]!;
      if (Math.abs(x - y) > tol * scale) {
        throw new RangeError(`${fn}: '${name}' must be symmetric, but entries (${i}, ${j}) and (${j}, ${i}) are ${x} and ${y}`);
      }
      a[i * n + j] = a[j * n + i] = (x + y) / 2;
    }
  }
  return a;
}
