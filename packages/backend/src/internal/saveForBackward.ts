import * as tf from '@tensorflow/tfjs';
import { detach } from '@gankit/gradients';

/** The parts of tfjs's Engine the patch touches (internal API of tfjs-core 4.x). */
interface EngineInternals {
  backendName: string | null;
  state: { activeScope: { name: string } | null };
  clone(x: tf.Tensor): tf.Tensor;
  keep<T extends tf.Tensor>(t: T): T;
  isTapeOn(): boolean;
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
 * clone's reference counts, scope tracking and gradient are those of stock
 * tfjs, so gradients of any order are bit-for-bit unchanged. The gradient
 * (tfjs: a float32 Cast of dy, which copies) is itself such an alias of dy,
 * so no kernel runs for it either. Other backends keep the stock path.
 * Idempotent.
 *
 * @returns whether this call patched the engine (false if it already was).
 */
export function patchSaveForBackward(): boolean {
  const engine = tf.engine() as unknown as EngineInternals & Record<symbol, unknown>;
  if (engine[PATCHED] === true) return false;
  const stock = engine.clone;
  /**
   * x on the same data, recorded on the tape (when one records) as tfjs records a clone: its
   * gradient passes dy through. tfjs's clone gradient is a float32 `Cast` of dy, a kernel that
   * copies; for float32 dy (always, for gradients) it is this same alias instead, so no
   * kernel runs at any order (a 2-D WGAN-GP step dispatched 85 such Casts in its second-order
   * pass), and the values are the Cast's.
   */
  const alias = (x: tf.Tensor, record: boolean): tf.Tensor => {
    const y = detach(x);
    const gradient = (dy: tf.Tensor): Record<string, () => tf.Tensor> => ({
      // Recorded exactly when the Cast it stands for would be: while a tape records, outside any kernel.
      x: () => (dy.dtype === 'float32' && ALIAS_BACKENDS.has(engine.backendName ?? '') ? alias(dy, engine.isTapeOn()) : engine.runKernel(tf.Cast, { x: dy }, { dtype: 'float32' })),
    });
    if (record) engine.addTapeNode(engine.state.activeScope?.name ?? '', { x }, [y], gradient, [], {});
    return y;
  };
  // tfjs saves by `clone` both for kernels (saveTensorsForBackwardMode, inside the kernel's run) and for customGrad
  // ops (fused conv2d / matMul), and always records the clone on the tape.
  engine.clone = function clone(this: EngineInternals, x: tf.Tensor): tf.Tensor {
    return ALIAS_BACKENDS.has(this.backendName ?? '') ? alias(x, true) : stock.call(this, x);
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
