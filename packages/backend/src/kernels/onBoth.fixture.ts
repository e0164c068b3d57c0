import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { useBackend } from '@gankit/test-utils';

/** One backend's result of {@link onBoth}: shape, dtype and values (as float64). */
export interface BackendResult {
  shape: number[];
  dtype: string;
  data: Float64Array;
}

/**
 * Runs `f` on cpu and then on wasm and returns both results, checking that
 * neither run leaves a tensor behind. For tests that hold a gankit wasm kernel
 * to the cpu backend's result.
 */
export async function onBoth(f: () => tf.Tensor): Promise<BackendResult[]> {
  const out: BackendResult[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const t = f();
    out.push({ shape: t.shape, dtype: t.dtype, data: Float64Array.from(t.dataSync() as ArrayLike<number>) });
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }
  return out;
}
