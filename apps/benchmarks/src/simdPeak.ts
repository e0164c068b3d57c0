/**
 * The multiply-add rate no WebAssembly kernel can beat on this machine, and
 * the multiply-adds of the DCGAN step, so the bench can print the floor under
 * any wasm DCGAN step that does the work PyTorch does.
 */
import { Worker } from 'node:worker_threads';
import { PEAK_WASM } from './simdPeakWasm.js';

/** Runs in each worker: instantiates peak.c, signals ready, then on each message runs the named loop and reports its multiply-adds and seconds. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const module = new WebAssembly.Module(Buffer.from(workerData.wasm, 'base64'));
const { chains, tile } = new WebAssembly.Instance(module, {}).exports;
// Each loop for about n · 100 multiply-adds: [checksum, multiply-adds done] (wasm/peak.c: 32 × 4 per chains iteration, 1,024 × 48 per tile repetition).
const run = {
  chains: (n) => [chains(n, 0.5), n * 32 * 4],
  tile: (n) => { const r = Math.max(1, Math.round(n / 1024)); return [tile(r, 1e-3), r * 1024 * 48]; },
};
run.chains(100000); run.tile(100000);
parentPort.on('message', (loop) => {
  const start = performance.now();
  const [checksum, macs] = run[loop](workerData.iterations);
  parentPort.postMessage({ seconds: (performance.now() - start) / 1000, checksum, macs });
});
parentPort.postMessage('ready');
`;

interface Done {
  checksum: number;
  macs: number;
}

/**
 * Multiply-adds per second (in units of 10⁹) that `threads` threads reach
 * together in WebAssembly SIMD: wasm/peak.c's two register-bound loops (32
 * independent chains; a GEMM's 4 × 12 register tile on L1-resident panels),
 * each run on all threads at once for about `iterations` × 100 multiply-adds
 * per thread; the faster loop counts. On a shared machine this moves with the
 * load, like every other column: measure it in the same rounds as the steps
 * it bounds.
 */
export async function simdPeakGmacs(threads: number, iterations = 5_000_000): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { eval: true, workerData: { wasm: PEAK_WASM, iterations } }));
  const next = (w: Worker): Promise<unknown> => new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
  try {
    await Promise.all(workers.map(next));
    let best = 0;
    for (const loop of ['chains', 'tile']) {
      const start = performance.now();
      const done = workers.map((w) => next(w) as Promise<Done>);
      for (const w of workers) w.postMessage(loop);
      const results = await Promise.all(done);
      const seconds = (performance.now() - start) / 1000;
      if (results.some((r) => !Number.isFinite(r.checksum))) throw new Error(`peak.c's ${loop} returned a non-finite checksum`);
      best = Math.max(best, results.reduce((sum, r) => sum + r.macs, 0) / seconds / 1e9);
    }
    return best;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Multiply-adds of one DCGAN step of the benchmark (batch B = 64; 1 D update
 * on real and fake, then 1 G update), counting what gankit computes — the
 * lazy fused-op gradients skip the critic's first-layer input gradient on
 * real data, and the critic's weight gradients in the G update:
 *
 * - the 64 ↔ 128-channel layer, 5×5 stride 2 between 14² × 64 and 7² × 128:
 *   M = B · 7² · 128 · 64 · 25 = 642,252,800 for its forward, its input
 *   gradient and its weight gradient alike (a transposed convolution is the
 *   input gradient of a convolution). D update: G forward 1, D forward on
 *   real and fake 2, D weight gradient 2, D input gradient 2; G update: G
 *   forward 1, D forward 1, D input gradient 1, G weight and input gradient 2:
 *   12 M;
 * - the 1 ↔ 64-channel layers (28² ↔ 14²): m = B · 14² · 64 · 25 = 20,070,400
 *   per pass: D update 1 (G) + 2 (D on 128 images) + 2 (D weight gradient on
 *   128); G update 1 + 1 + 1 (D input gradient) + 2 (G weight and input
 *   gradient): 10 m;
 * - dense layers: G's 100 → 6,272 (B · 100 · 6,272 = 40,140,800 per pass:
 *   forward in both updates, weight gradient in the G update) and D's 6,272 → 1 (401,408 per
 *   pass: forward 3 × 64 images, weight gradient on 128, input gradient on
 *   128 + 64): 3 · 40,140,800 + 8 · 401,408.
 *
 * Total 8.03 × 10⁹ — the same, to the multiply-add, as the count from the
 * kernel shapes of a profiled step (`pnpm --filter @gankit/benchmarks macs`,
 * src/countMacs.ts). Batch norm, activations, Adam and the losses add
 * elementwise work measured in millions, not billions, and are left out.
 */
export const DCGAN_STEP_MACS = 12 * 642_252_800 + 10 * 20_070_400 + 3 * 40_140_800 + 8 * 401_408;
