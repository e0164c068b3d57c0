/**
 * Test helpers: switch between the Node backends with gankit's gradients
 * registered, without `@gankit/backend` (which depends on this package).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { NodeBackend } from '@gankit/test-utils';
import { registerGradientPatches } from '../registerGradientPatches.js';

/**
 * Kernels stock tfjs-backend-wasm lacks that the tests' conv critics need
 * (`@gankit/backend` adds fast ones). Here the cpu backend's kernel is
 * borrowed: inputs copied to cpu, run, the result copied back — slow, but
 * enough to differentiate a small conv critic on wasm.
 */
const BORROWED_FROM_CPU = [tf.Conv2DBackpropFilter];

function borrowFromCpu(kernelName: string): void {
  if (tf.getKernel(kernelName, 'wasm') != null) return;
  const cpuKernel = tf.getKernel(kernelName, 'cpu');
  if (cpuKernel == null) throw new Error(`borrowFromCpu: the cpu backend has no '${kernelName}' kernel`);
  tf.registerKernel({
    kernelName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as tf.KernelBackend;
      const cpu = tf.findBackend('cpu') as tf.KernelBackend;
      const cpuInputs: Record<string, tf.TensorInfo> = {};
      for (const [name, t] of Object.entries(inputs)) {
        if (t == null) continue;
        cpuInputs[name] = { dataId: cpu.write(wasm.readSync(t.dataId), t.shape, t.dtype), shape: t.shape, dtype: t.dtype };
      }
      const out = cpuKernel.kernelFunc({ inputs: cpuInputs, attrs, backend: cpu }) as tf.TensorInfo;
      const result: tf.TensorInfo = { dataId: wasm.write(cpu.readSync(out.dataId), out.shape, out.dtype), shape: out.shape, dtype: out.dtype };
      for (const t of [...Object.values(cpuInputs), out]) cpu.disposeData(t.dataId);
      return result;
    },
  });
}

/** Activates a backend for the tests that follow, with gankit's gradients registered. */
export async function useBackend(name: NodeBackend): Promise<void> {
  registerGradientPatches();
  if (name === 'wasm') BORROWED_FROM_CPU.forEach(borrowFromCpu);
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`useBackend: backend '${name}' failed to initialise`);
  }
  await tf.ready();
}
