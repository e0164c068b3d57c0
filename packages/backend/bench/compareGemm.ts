/**
 * The timing half of bench/compareGemm.sh: instantiates two builds of
 * wasm/simd.c ("before" and "after", from GEMM_MODULES) on the wasm
 * backend's own memory, runs each `gemm` on the same tensors in alternating
 * rounds, and prints the best round of each, its rate, whether the results
 * are bit-for-bit equal, and before / after.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { initBackend } from '../src/index.node.js';
import { backendMemory, heapOffset } from '../src/kernels/simdModule.js';

type Gemm = (a: number, b: number, c: number, m: number, k: number, n: number, bias: number, relu: number, ta: number, lda: number, tb: number, panel: number) => void;

/** [m, k, n, ta, tb]: the 2-D step's products, a weight gradient, and InfoGAN's and DCGAN's large ones. */
const DEFAULT_SHAPES: number[][] = [
  [256, 128, 128, 0, 0],
  [128, 256, 128, 1, 0],
  [256, 128, 128, 0, 1],
  [64, 6272, 1024, 0, 0],
  [64, 1024, 6272, 0, 1],
  [6272, 64, 1024, 1, 0],
  [3136, 1600, 64, 0, 0],
];
const ROUNDS = 7;

await initBackend({ quiet: true });
const backend = tf.backend() as BackendWasm;
const memory = backendMemory(backend);
if (memory === undefined) throw new Error('compareGemm: the wasm backend is not active');
const dir = process.env['GEMM_MODULES'];
if (dir === undefined) throw new Error('compareGemm: run it through bench/compareGemm.sh');
const suffix = memory.buffer instanceof SharedArrayBuffer ? '-shared' : '';
const gemms = ['before', 'after'].map((v) => {
  const module = new WebAssembly.Module(readFileSync(`${dir}/${v}${suffix}.wasm`));
  return (new WebAssembly.Instance(module, { env: { memory } }).exports as { gemm: Gemm }).gemm;
});
const shapes = process.env['GEMM_SHAPES'] ? (JSON.parse(process.env['GEMM_SHAPES']) as number[][]) : DEFAULT_SHAPES;

console.log(`gemm of ${process.env['GEMM_REV'] ?? 'before'} (before) against the working tree (after), best of ${ROUNDS} alternating rounds, bias and ReLU on\n`);
console.log('| m × k × n | A, B | before | after | before / after | bit-equal |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [m, k, n, ta, tb] of shapes as [number, number, number, number, number][]) {
  const a = tf.randomNormal(ta ? [k, m] : [m, k], 0, 1, 'float32', 1);
  const b = tf.randomNormal(tb ? [n, k] : [k, n], 0, 1, 'float32', 2);
  const bias = tf.randomNormal([n], 0, 1, 'float32', 3);
  const panel = tf.zeros([256 * 8]);
  const outs = gemms.map(() => tf.zeros([m, n]));
  const [aAt, bAt, biasAt, panelAt] = [a, b, bias, panel].map((t) => heapOffset(backend, t)) as [number, number, number, number];
  const runs = gemms.map((gemm, i) => {
    const cAt = heapOffset(backend, outs[i]!);
    return (): void => gemm(aAt, bAt, cAt, m, k, n, biasAt, 1, ta, ta ? m : k, tb, panelAt);
  });
  const reps = Math.max(3, Math.round(3e8 / (m * k * n)));
  runs.forEach((run) => run());
  const [c0, c1] = outs.map((t) => t.dataSync());
  const equal = c0!.every((x, i) => Object.is(x, c1![i]));
  const best = runs.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) {
    runs.forEach((run, i) => {
      const t0 = performance.now();
      for (let j = 0; j < reps; j++) run();
      best[i] = Math.min(best[i]!, (performance.now() - t0) / reps);
    });
  }
  const cell = (ms: number): string => `${ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`} (${((m * k * n) / ms / 1e6).toFixed(1)} × 10⁹/s)`;
  console.log(`| ${m} × ${k} × ${n} | ${ta ? 'Aᵀ' : 'A'}, ${tb ? 'Bᵀ' : 'B'} | ${cell(best[0]!)} | ${cell(best[1]!)} | ${(best[0]! / best[1]!).toFixed(2)} | ${equal ? 'yes' : '**no**'} |`);
  tf.dispose([a, b, bias, panel, ...outs]);
}
