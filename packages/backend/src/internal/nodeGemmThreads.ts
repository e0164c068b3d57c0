/**
 * Helper threads for gankit's SIMD `gemm` in Node (Node entry only).
 *
 * tfjs's threaded wasm build spreads XNNPACK's convolutions over its pthread
 * pool, but gankit's own `gemm` (kernels/gemm.ts: every dense layer's
 * products and the column forms of the convolution gradients) runs on the
 * main thread alone, so on two cores one idles during every dense product.
 * Here each helper is a `worker_threads` Worker that instantiates the same
 * compiled module on the same shared memory and sleeps in `Atomics.wait` on
 * its control block until `runGemm` (kernels/gemmThreads.ts) hands it rows.
 * The workers are unref'd: they never keep Node alive.
 */
import { Worker } from 'node:worker_threads';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { GEMM_CONTROL, registerGemmHelpers } from '../kernels/gemmThreads.js';
import type { GemmHelper } from '../kernels/gemmThreads.js';
import { simdModule } from '../kernels/simdModule.js';

/** The helper's whole program (CommonJS, run with `eval: true`). */
const HELPER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { module, memory, control } = workerData;
const ctl = new Int32Array(control);
const [SEQ, DONE, ARGS] = [${GEMM_CONTROL.seq}, ${GEMM_CONTROL.done}, ${GEMM_CONTROL.args}];
let gemm;
try {
  gemm = new WebAssembly.Instance(module, { env: { memory } }).exports.gemm;
  parentPort.postMessage('ready');
} catch (err) {
  parentPort.postMessage('failed: ' + (err && err.message));
}
if (gemm !== undefined) {
  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, SEQ, seen);
    const seq = Atomics.load(ctl, SEQ);
    if (seq === seen) continue;
    seen = seq;
    let result = seq;
    try {
      gemm(...ctl.subarray(ARGS, ARGS + 12));
    } catch {
      result = -seq;
    }
    Atomics.store(ctl, DONE, result);
    Atomics.notify(ctl, DONE);
  }
}
`;

/**
 * Starts `count` helper threads for the SIMD `gemm` of this backend and
 * registers them. Needs the kernels loaded on a shared memory (tfjs's
 * threaded build); otherwise, or if a helper fails to start, registers none.
 *
 * @returns how many helpers run.
 */
export async function startNodeGemmThreads(backend: BackendWasm, count: number): Promise<number> {
  const loaded = simdModule(backend);
  if (count < 1 || loaded === undefined || !(loaded.memory.buffer instanceof SharedArrayBuffer)) return 0;
  const started: { worker: Worker; helper: GemmHelper }[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const control = new SharedArrayBuffer(GEMM_CONTROL.slots * 4);
      const worker = new Worker(HELPER_SOURCE, { eval: true, workerData: { module: loaded.module, memory: loaded.memory, control } });
      started.push({ worker, helper: { control: new Int32Array(control) } });
      const answer = await new Promise<string>((resolve) => {
        worker.once('message', (m: unknown) => resolve(String(m)));
        worker.once('error', (err: Error) => resolve(`failed: ${err.message}`));
      });
      if (answer !== 'ready') throw new Error(answer);
      worker.unref();
    }
  } catch {
    for (const { worker } of started) void worker.terminate();
    return 0;
  }
  registerGemmHelpers(
    loaded.memory,
    started.map((s) => s.helper),
  );
  return started.length;
}
