import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { runFixture } from '../internal/runFixture.fixture.js';
import { GEMM_CONTROL, MIN_SPLIT_MACS, gemmHelpers, registerGemmHelpers, setGemmThreadsEnabled, splitRows } from './gemmThreads.js';
import type { GemmHelper } from './gemmThreads.js';
import { backendMemory } from './simdModule.js';

const CHILD = fileURLToPath(new URL('./gemmThreadsChild.fixture.ts', import.meta.url));
/** Runs the fixture with `threads` wasm threads. */
const runChild = (threads: string): { threads: number; bitEqual: boolean; worst: number } => runFixture(CHILD, threads);

describe('splitRows', () => {
  it('splits rows into parts that start on multiples of 4 and cover every row once', () => {
    expect(splitRows(64, 2)).toEqual([0, 32, 64]);
    expect(splitRows(37, 2)).toEqual([0, 20, 37]);
    expect(splitRows(6272, 3)).toEqual([0, 2092, 4180, 6272]);
    for (const [m, parts] of [[8, 2], [9, 2], [13, 4], [100, 3], [1001, 8]] as const) {
      const s = splitRows(m, parts);
      expect(s[0]).toBe(0);
      expect(s.at(-1)).toBe(m);
      for (let p = 1; p < s.length - 1; p++) {
        expect(s[p]! % 4).toBe(0);
        expect(s[p]!).toBeGreaterThan(s[p - 1]!);
      }
    }
  });

  it('uses fewer parts when there are fewer 4-row tiles than threads', () => {
    expect(splitRows(5, 4)).toEqual([0, 4, 5]);
    expect(splitRows(4, 2)).toEqual([0, 4]);
    expect(splitRows(1, 8)).toEqual([0, 1]);
  });
});

describe("gankit's SIMD gemm split over threads (Node)", () => {
  it('splits over 2 threads when the backend has 2, gives bit-for-bit the one-thread result, matches float64, and lets the process exit', () => {
    const two = runChild('2');
    expect(two.threads).toBe(2);
    expect(two.bitEqual).toBe(true);
    expect(two.worst).toBeLessThanOrEqual(1e-5);
    const one = runChild('1');
    expect(one.threads).toBe(1);
    expect(one.worst).toBeLessThanOrEqual(1e-5);
  });

  describe('a helper that fails', () => {
    let memory: WebAssembly.Memory;
    let original: readonly GemmHelper[];
    let worker: Worker;
    beforeAll(async () => {
      await initBackend({ quiet: true });
      await useBackend('wasm');
      memory = backendMemory(tf.backend() as BackendWasm)!;
      original = gemmHelpers(memory);
    });
    afterAll(async () => {
      registerGemmHelpers(memory, original);
      setGemmThreadsEnabled(true);
      await worker?.terminate();
    });

    it('is dropped, and the caller computes its rows: the same numbers as on one thread', async () => {
      // A real thread that answers every job with a failure.
      const control = new SharedArrayBuffer(GEMM_CONTROL.slots * 4);
      worker = new Worker(
        `const ctl = new Int32Array(require('node:worker_threads').workerData); let seen = 0;
         for (;;) { Atomics.wait(ctl, ${GEMM_CONTROL.seq}, seen); const s = Atomics.load(ctl, ${GEMM_CONTROL.seq}); if (s === seen) continue; seen = s;
           Atomics.store(ctl, ${GEMM_CONTROL.done}, -s); Atomics.notify(ctl, ${GEMM_CONTROL.done}); }`,
        { eval: true, workerData: control },
      );
      worker.unref();
      const failing: GemmHelper = { control: new Int32Array(control) };
      const [m, k, n] = [40, 700, 700];
      expect(m * k * n).toBeGreaterThanOrEqual(MIN_SPLIT_MACS);
      const product = (): Float32Array => tf.tidy(() => tf.matMul(tf.tensor2d(seededUniform(m * k, 5), [m, k]), tf.tensor2d(seededUniform(k * n, 6), [k, n])).dataSync() as Float32Array);
      setGemmThreadsEnabled(false);
      const expected = product();
      setGemmThreadsEnabled(true);
      registerGemmHelpers(memory, [failing]);
      const before = tf.memory().numTensors;
      expect(Array.from(product())).toEqual(Array.from(expected));
      expect(tf.memory().numTensors).toBe(before);
      expect(gemmHelpers(memory)).not.toContain(failing);
    });
  });
});
