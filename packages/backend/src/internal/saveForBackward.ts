import * as tf from '@tensorflow/tfjs';

/** The parts of tfjs's Engine the patch touches (internal API of tfjs-core 4.x). */
interface EngineInternals {
  backendName: string | null;
  backend: { incRef(dataId: object): void };
  state: { activeScope: { name: string } | null };
  clone(x: tf.Tensor): tf.Tensor;
  makeTensorFromTensorInfo(info: tf.TensorInfo): tf.Tensor;
  keep<T extends tf.Tensor>(t: T): T;
  addTapeNode(scopeName: string, inputs: tf.NamedTensorMap, outputs: tf.Tensor[], gradientsFunc: (dy: tf.Tensor) => Record<string, () => tf.Tensor>, saved: tf.Tensor[], attrs: tf.NamedAttrMap): void;
  runKernel(kernelName: string, inputs: tf.NamedTensorMap, attrs?: tf.NamedAttrMap): tf.Tensor;
}

/** Backends whose Identity kernel is exactly "share the data, add a reference". */
const ALIAS_BACKENDS = new Set(['cpu', 'wasm']);

const PATCHED = Symbol.for('@gankit/backend/saveForBackward');

/**
 * While a gradient tape records, tfjs's engine keeps every tensor a
 * gradient needs by `clone` — for kernels (`saveTensorsForBackwardMode`) and
 * for `customGrad` ops such as `tf.fused.conv2d` / `tf.fused.matMul` alike:
 * it dispatches an `Identity` kernel per saved tensor and puts the clone on
 * the tape (so second-order gradients flow from the saved copy back to the
 * original). A 2-D WGAN-GP step saves ~580 tensors this way: a fifth of its
 * kernel dispatches; a CycleGAN step ~490, each of which wasm's Identity
 * copies.
 *
 * On cpu (whose Identity is exactly `backend.incRef(x)` and a new tensor on
 * the same data) and wasm (whose Identity copies, which nothing needs: tensors
 * are immutable and every wasm kernel writes only its own outputs) this makes
 * the clone on the same data and the same tape node without the dispatch: the
 * clone's reference counts, scope tracking and gradient (a float32 Cast of
 * dy, as tfjs's `clone`) are those of stock tfjs, so gradients of any order
 * are bit-for-bit unchanged. Other backends keep the stock path. Idempotent.
 *
 * @returns whether this call patched the engine (false if it already was).
 */
export function patchSaveForBackward(): boolean {
  const engine = tf.engine() as unknown as EngineInternals & Record<symbol, unknown>;
  if (engine[PATCHED] === true) return false;
  const stock = engine.clone;
  // tfjs saves by `clone` both for kernels (saveTensorsForBackwardMode) and for customGrad ops (fused conv2d / matMul).
  engine.clone = function clone(this: EngineInternals, x: tf.Tensor): tf.Tensor {
    if (!ALIAS_BACKENDS.has(this.backendName ?? '')) return stock.call(this, x);
    this.backend.incRef(x.dataId);
    const y = this.makeTensorFromTensorInfo({ dataId: x.dataId, shape: x.shape, dtype: x.dtype });
    const gradient = (dy: tf.Tensor): Record<string, () => tf.Tensor> => ({ x: () => this.runKernel(tf.Cast, { x: dy }, { dtype: 'float32' }) });
    this.addTapeNode(this.state.activeScope?.name ?? '', { x }, [y], gradient, [], {});
    return y;
  };
  engine[PATCHED] = true;
  return true;
}

/** Undoes {@link patchSaveForBackward} (for tests that compare with stock tfjs). */
export function unpatchSaveForBackward(): void {
  const engine = tf.engine() as unknown as Record<string | symbol, unknown>;
  if (engine[PATCHED] !== true) return;
  delete engine['clone'];
  delete engine[PATCHED];
}
