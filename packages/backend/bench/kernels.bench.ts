/**
 * `pnpm bench` (in packages/backend): the convolution ops of one DCGAN-MNIST
 * training step (../../shared/EVALUATION.md shapes, batch 64) and the matmuls
 * of the 1,024-unit dense layer in InfoGAN's MNIST networks (7·7·128 = 6,272
 * inputs), wasm vs the pure-JS cpu backend, measured side by side in one run.
 *
 * Inputs are built before timing; only the op (and reading its result) is
 * timed. wasm: median of 5 runs after a warm-up. cpu: its conv gradients take
 * over a minute at batch 64, so it runs once at batch 8 and is scaled ×8 (conv
 * cost is linear in the batch) unless BENCH_FULL=1. Ratio = cpu / wasm.
 * "stock wasm" is tfjs-backend-wasm as shipped, in the same run: its own
 * Conv2DBackpropInput (a naive loop) and no Conv2DBackpropFilter at all; for
 * the matmuls, tfjs-wasm's own kernel with gankit's SIMD gemm turned off
 * (the transposed operand is still transposed first: the stock transposed
 * path is slower still). "gemm on 1 thread" (with more than one wasm
 * thread) is gankit's kernels with the SIMD gemm's rows not split over the
 * helper threads: the matmuls, and the convolution gradients' column forms,
 * which multiply through the same gemm. "transposed copy" (rows with a
 * transposed operand) is gankit's gemm after an explicit Transpose of that
 * operand, as before the gemm read transposed operands in place.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/index.node.js';
import { patchState } from '../src/internal/patchState.js';
import { setGemmEnabled } from '../src/kernels/gemm.js';
import { setGemmThreadsEnabled } from '../src/kernels/gemmThreads.js';
import { setTransposedInPlace } from '../src/kernels/batchMatMul.js';

const BATCH = 64;
const CPU_BATCH = process.env['BENCH_FULL'] === '1' ? BATCH : 8;

type T4 = tf.Tensor4D;
interface Row {
  name: string;
  /** The tfjs kernel the op runs on. */
  kernel: 'Conv2D' | 'Conv2DBackpropFilter' | 'Conv2DBackpropInput' | 'BatchMatMul';
  /** Input shapes for a batch size. */
  shapes: (b: number) => number[][];
  /** The op on those inputs. */
  op: (inputs: tf.Tensor[], b: number) => tf.Tensor;
  /**
   * New input tensors (same values) before every timed call, built untimed: as in training,
   * where a weight is a new tensor after each update. tfjs-wasm caches its XNNPACK matmul
   * operator on B's tensor id, so reusing one B would time only its cache hits.
   */
  freshInputs?: boolean;
  /** The op multiplies a transposed operand (timed again through an explicit transposed copy). */
  transposed?: boolean;
}

const filterGrad = (x: tf.Tensor, dy: tf.Tensor, filterShape: number[]): tf.Tensor =>
  tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, { strides: [2, 2], pad: 'same', dataFormat: 'NHWC', filterShape } as unknown as tf.NamedAttrMap) as tf.Tensor;

const rows: Row[] = [
  { name: 'D conv1 forward       28²×1 → 14²×64', kernel: 'Conv2D', shapes: (b) => [[b, 28, 28, 1], [5, 5, 1, 64]], op: ([x, w]) => tf.conv2d(x as T4, w as T4, 2, 'same') },
  { name: 'D conv2 forward       14²×64 → 7²×128', kernel: 'Conv2D', shapes: (b) => [[b, 14, 14, 64], [5, 5, 64, 128]], op: ([x, w]) => tf.conv2d(x as T4, w as T4, 2, 'same') },
  { name: 'D conv1 filter grad   Conv2DBackpropFilter', kernel: 'Conv2DBackpropFilter', shapes: (b) => [[b, 28, 28, 1], [b, 14, 14, 64]], op: ([x, dy]) => filterGrad(x!, dy!, [5, 5, 1, 64]) },
  { name: 'D conv2 filter grad   Conv2DBackpropFilter', kernel: 'Conv2DBackpropFilter', shapes: (b) => [[b, 14, 14, 64], [b, 7, 7, 128]], op: ([x, dy]) => filterGrad(x!, dy!, [5, 5, 64, 128]) },
  { name: 'D conv2 input grad    Conv2DBackpropInput', kernel: 'Conv2DBackpropInput', shapes: (b) => [[b, 7, 7, 128], [5, 5, 64, 128]], op: ([dy, w], b) => tf.conv2dTranspose(dy as T4, w as T4, [b, 14, 14, 64], 2, 'same') },
  { name: 'G convT1 forward      7²×128 → 14²×64', kernel: 'Conv2DBackpropInput', shapes: (b) => [[b, 7, 7, 128], [5, 5, 64, 128]], op: ([x, w], b) => tf.conv2dTranspose(x as T4, w as T4, [b, 14, 14, 64], 2, 'same') },
  { name: 'G convT2 forward      14²×64 → 28²×1', kernel: 'Conv2DBackpropInput', shapes: (b) => [[b, 14, 14, 64], [5, 5, 1, 64]], op: ([x, w], b) => tf.conv2dTranspose(x as T4, w as T4, [b, 28, 28, 1], 2, 'same') },
  { name: 'G convT1 input grad   Conv2D', kernel: 'Conv2D', shapes: (b) => [[b, 14, 14, 64], [5, 5, 64, 128]], op: ([dy, w]) => tf.conv2d(dy as T4, w as T4, 2, 'same') },
  { name: 'G convT1 filter grad  Conv2DBackpropFilter', kernel: 'Conv2DBackpropFilter', shapes: (b) => [[b, 14, 14, 64], [b, 7, 7, 128]], op: ([dy, x]) => filterGrad(dy!, x!, [5, 5, 64, 128]) },
  { name: 'G convT2 filter grad  Conv2DBackpropFilter', kernel: 'Conv2DBackpropFilter', shapes: (b) => [[b, 28, 28, 1], [b, 14, 14, 64]], op: ([dy, x]) => filterGrad(dy!, x!, [5, 5, 1, 64]) },
  // The dense layer 6,272 → 1,024 (InfoGAN's D; its G has the mirror 1,024 → 6,272): all three products are linear in the batch.
  { name: 'dense forward         x·W  b×6272 · 6272×1024', kernel: 'BatchMatMul', shapes: (b) => [[b, 6272], [6272, 1024]], op: ([x, w]) => tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), freshInputs: true },
  { name: 'dense input grad      g·Wᵀ b×1024 · (6272×1024)ᵀ', kernel: 'BatchMatMul', shapes: (b) => [[b, 1024], [6272, 1024]], op: ([g, w]) => tf.matMul(g as tf.Tensor2D, w as tf.Tensor2D, false, true), freshInputs: true, transposed: true },
  { name: 'dense weight grad     xᵀ·g (b×6272)ᵀ · b×1024', kernel: 'BatchMatMul', shapes: (b) => [[b, 6272], [b, 1024]], op: ([x, g]) => tf.matMul(x as tf.Tensor2D, g as tf.Tensor2D, true, false), freshInputs: true, transposed: true },
];

function timeMs(row: Row, batch: number, reps: number): number {
  const make = (): tf.Tensor[] => row.shapes(batch).map((s, i) => tf.randomUniform(s, -1, 1, 'float32', i + 1));
  let inputs = make();
  // Never return a typed array from tf.tidy: tidy walks it element by element looking for tensors.
  const once = (): void => {
    const out = tf.tidy(() => row.op(inputs, batch));
    out.dataSync();
    out.dispose();
  };
  once(); // warm-up (XNNPACK operator creation, allocations)
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (row.freshInputs === true) {
      tf.dispose(inputs);
      inputs = make();
    }
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  tf.dispose(inputs);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const info = await initBackend({ quiet: true });
  const scale = BATCH / CPU_BATCH;
  console.log(`@gankit/backend kernels — wasm SIMD=${info.simd}, threads=${info.threads}; batch ${BATCH}; cpu at batch ${CPU_BATCH}${scale === 1 ? '' : `, ×${scale}`}`);
  const ours = tf.getKernel(tf.Conv2DBackpropInput, 'wasm')!;
  const stock = patchState.stockKernels.get(tf.Conv2DBackpropInput)!;
  const useKernel = (config: tf.KernelConfig): void => {
    tf.unregisterKernel(tf.Conv2DBackpropInput, 'wasm');
    tf.registerKernel(config);
  };
  const table: Record<string, string | number>[] = [];
  for (const row of rows) {
    await tf.setBackend('wasm');
    const wasm = timeMs(row, BATCH, 5);
    // gankit's gemm on the calling thread alone (its rows not split over the helper threads).
    setGemmThreadsEnabled(false);
    const oneThread = info.threads > 1 ? timeMs(row, BATCH, 5) : undefined;
    setGemmThreadsEnabled(true);
    // A transposed operand copied by an explicit Transpose first, as before gankit's gemm read it in place.
    setTransposedInPlace(false);
    const copied = row.transposed === true ? timeMs(row, BATCH, 5) : undefined;
    setTransposedInPlace(true);
    let stockWasm: string | number;
    if (row.kernel === 'Conv2DBackpropInput') {
      useKernel(stock);
      stockWasm = +timeMs(row, BATCH, 3).toFixed(1);
      useKernel(ours);
    } else if (row.kernel === 'BatchMatMul') {
      setGemmEnabled(false);
      stockWasm = +timeMs(row, BATCH, 3).toFixed(1);
      setGemmEnabled(true);
    } else {
      stockWasm = row.kernel === 'Conv2DBackpropFilter' ? 'missing' : 'same kernel';
    }
    await tf.setBackend('cpu');
    const cpu = timeMs(row, CPU_BATCH, 1) * scale;
    table.push({
      op: row.name,
      'gankit wasm ms': +wasm.toFixed(1),
      'gemm on 1 thread ms': oneThread === undefined ? '—' : +oneThread.toFixed(1),
      'transposed copy ms': copied === undefined ? '—' : +copied.toFixed(1),
      'stock wasm ms': stockWasm,
      'cpu ms': Math.round(cpu),
      'stock wasm / gankit': typeof stockWasm === 'number' ? +(stockWasm / wasm).toFixed(1) : '—',
      kernel: row.kernel,
      'cpu / gankit': +(cpu / wasm).toFixed(1),
    });
  }
  console.table(table);
}

await main();
