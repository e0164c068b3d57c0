/**
 * Test fixture (run as its own Node process by gemmThreads.test.ts, with
 * GANKIT_WASM_THREADS set): products over the split threshold, computed with
 * the rows split among the helper threads and again on the calling thread
 * alone. Prints how many threads the gemm splits over, whether every pair is
 * bit-for-bit equal, and the worst relative error of the split results
 * against a float64 reference.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { seededUniform } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { gemmHelpers, setGemmThreadsEnabled } from './gemmThreads.js';
import { backendMemory } from './simdModule.js';

await initBackend({ quiet: true });
const helpers = gemmHelpers(backendMemory(tf.backend() as BackendWasm)).length;

interface Case {
  /** [batch, m, k, n] of A [batch, m, k] · B [batch, k, n] (A or B given transposed when `transposeA`, `transposeB`). */
  shape: [number, number, number, number];
  fused: boolean;
  transposeA?: boolean;
  transposeB: boolean;
}
const CASES: Case[] = [
  { shape: [1, 37, 700, 700], fused: false, transposeB: false },
  { shape: [1, 64, 600, 603], fused: true, transposeB: false },
  { shape: [2, 24, 800, 900], fused: false, transposeB: false },
  { shape: [1, 20, 1000, 1000], fused: true, transposeB: true },
  { shape: [1, 6000, 64, 50], fused: false, transposeB: false },
  { shape: [1, 1030, 64, 300], fused: true, transposeA: true, transposeB: false },
  { shape: [2, 70, 800, 333], fused: false, transposeA: true, transposeB: true },
];

function run(c: Case, i: number): Float32Array {
  const [batch, m, k, n] = c.shape;
  return tf.tidy(() => {
    const a = c.transposeA === true ? tf.tensor3d(seededUniform(batch * k * m, 10 * i + 1), [batch, k, m]) : tf.tensor3d(seededUniform(batch * m * k, 10 * i + 1), [batch, m, k]);
    const b = c.transposeB ? tf.tensor3d(seededUniform(batch * n * k, 10 * i + 2), [batch, n, k]) : tf.tensor3d(seededUniform(batch * k * n, 10 * i + 2), [batch, k, n]);
    const out = c.fused
      ? tf.fused.matMul({ a, b, transposeA: c.transposeA === true, transposeB: c.transposeB, bias: tf.tensor1d(seededUniform(n, 10 * i + 3)), activation: 'relu' })
      : tf.matMul(a, b, c.transposeA === true, c.transposeB);
    return out.dataSync() as Float32Array;
  });
}

/** The product in float64 from the same seeded inputs. */
function reference(c: Case, i: number): Float64Array {
  const [batch, m, k, n] = c.shape;
  const a = seededUniform(batch * m * k, 10 * i + 1);
  const b = seededUniform(batch * k * n, 10 * i + 2);
  const bias = seededUniform(n, 10 * i + 3);
  const out = new Float64Array(batch * m * n);
  for (let s = 0; s < batch; s++) {
    for (let r = 0; r < m; r++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) acc += (c.transposeA === true ? a[(s * k + p) * m + r]! : a[(s * m + r) * k + p]!) * (c.transposeB ? b[(s * n + j) * k + p]! : b[(s * k + p) * n + j]!);
        out[(s * m + r) * n + j] = c.fused ? Math.max(0, acc + bias[j]!) : acc;
      }
    }
  }
  return out;
}

let bitEqual = true;
let worst = 0;
CASES.forEach((c, i) => {
  setGemmThreadsEnabled(true);
  const split = run(c, i);
  setGemmThreadsEnabled(false);
  const single = run(c, i);
  setGemmThreadsEnabled(true);
  if (split.length !== single.length || split.some((v, j) => !Object.is(v, single[j]))) bitEqual = false;
  const expected = reference(c, i);
  let num = 0;
  let den = 0;
  for (let j = 0; j < expected.length; j++) {
    num += (split[j]! - expected[j]!) ** 2;
    den += expected[j]! ** 2;
  }
  worst = Math.max(worst, Math.sqrt(num / den));
});
console.log(JSON.stringify({ threads: helpers + 1, bitEqual, worst }));
