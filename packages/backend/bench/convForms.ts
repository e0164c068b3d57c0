/**
 * `pnpm bench:conv` (in packages/backend): each convolution kernel at the
 * shapes of the reference recipes' layers, gankit's column forms (im2col or
 * col2im around the SIMD gemm) against the convolution forms they replace
 * (XNNPACK's `Conv2D`; for the input gradient the sub-pixel phases or the
 * stride-1 direct form), side by side in alternating rounds in one process.
 * "convolution forms" is the same kernels with the SIMD gemm turned off,
 * which is exactly what the column forms need. Every call multiplies by a
 * new filter tensor, as in training (XNNPACK packs each new filter anew).
 * Prints the best of `BENCH_ROUNDS` (default 8) rounds per entry, in ms, and
 * the ratio columns / convolution. Run it on one thread to compare the
 * kernels themselves: GANKIT_WASM_THREADS=1.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/index.node.js';
import { setGemmEnabled } from '../src/kernels/gemm.js';

interface Layer {
  name: string;
  x: [number, number, number, number];
  k: number;
  outC: number;
  stride: number;
  pad: 'same' | 'valid';
}

const LAYERS: Layer[] = [
  { name: 'translation residual 9²×64 → 7²×64, 3×3, batch 4', x: [4, 9, 9, 64], k: 3, outC: 64, stride: 1, pad: 'valid' },
  { name: 'translation down 28²×16 → 14²×32, 3×3/2, batch 4', x: [4, 28, 28, 16], k: 3, outC: 32, stride: 2, pad: 'same' },
  { name: 'translation down 14²×32 → 7²×64, 3×3/2, batch 4', x: [4, 14, 14, 32], k: 3, outC: 64, stride: 2, pad: 'same' },
  { name: 'translation input 34²×3 → 28²×16, 7×7, batch 4', x: [4, 34, 34, 3], k: 7, outC: 16, stride: 1, pad: 'valid' },
  { name: 'translation output 34²×16 → 28²×3, 7×7, batch 4', x: [4, 34, 34, 16], k: 7, outC: 3, stride: 1, pad: 'valid' },
  { name: '32²×32 → 32²×64, 3×3 same, batch 4', x: [4, 32, 32, 32], k: 3, outC: 64, stride: 1, pad: 'same' },
  { name: 'DCGAN 28²×1 → 14²×64, 5×5/2, batch 64', x: [64, 28, 28, 1], k: 5, outC: 64, stride: 2, pad: 'same' },
  { name: 'DCGAN 14²×64 → 7²×128, 5×5/2, batch 64', x: [64, 14, 14, 64], k: 5, outC: 128, stride: 2, pad: 'same' },
];

type Op = 'Conv2D' | 'Conv2DBackpropInput' | 'Conv2DBackpropFilter';
const OPS: Op[] = ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'];

function run(op: Op, l: Layer, x: tf.Tensor4D, w0: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor {
  return tf.tidy(() => {
    const w = tf.add(w0, 0) as tf.Tensor4D; // a new filter tensor, as after every optimizer step
    if (op === 'Conv2D') return tf.conv2d(x, w, l.stride, l.pad);
    if (op === 'Conv2DBackpropInput') return tf.conv2dTranspose(dy, w, l.x, l.stride, l.pad);
    const attrs = { strides: [l.stride, l.stride], pad: l.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: w.shape };
    return tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
  });
}

async function main(): Promise<void> {
  const info = await initBackend({ quiet: true });
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 8);
  console.log(`conv kernels, column forms vs convolution forms — ${info.backend}, SIMD ${info.simd}, ${info.threads} thread(s); best of ${rounds} alternating rounds, ms per call`);
  console.log('| layer | kernel | column form | convolution form | columns / convolution |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const l of LAYERS) {
    const x = tf.randomNormal(l.x, 0, 1, 'float32', 1) as tf.Tensor4D;
    const w0 = tf.randomNormal([l.k, l.k, l.x[3], l.outC], 0, 0.1, 'float32', 2) as tf.Tensor4D;
    const yShape = tf.conv2d(x, w0, l.stride, l.pad).shape;
    const dy = tf.randomNormal(yShape, 0, 1, 'float32', 3) as tf.Tensor4D;
    const macs = tf.util.sizeFromShape(yShape) * l.k * l.k * l.x[3];
    const reps = Math.max(1, Math.round(3e7 / macs));
    for (const op of OPS) {
      const best = { columns: Infinity, convolution: Infinity };
      for (let r = 0; r <= rounds; r++) {
        for (const form of ['columns', 'convolution'] as const) {
          setGemmEnabled(form === 'columns');
          const start = performance.now();
          for (let i = 0; i < reps; i++) {
            const y = run(op, l, x, w0, dy);
            if (i === reps - 1) await y.data();
            y.dispose();
          }
          const ms = (performance.now() - start) / reps;
          if (r > 0) best[form] = Math.min(best[form], ms); // round 0 warms up
        }
      }
      setGemmEnabled(true);
      console.log(`| ${l.name} | ${op} | ${best.columns.toFixed(3)} | ${best.convolution.toFixed(3)} | ${(best.columns / best.convolution).toFixed(2)} |`);
    }
    tf.dispose([x, w0, dy]);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
