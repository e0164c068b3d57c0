import type * as tf from '@tensorflow/tfjs';
import type { JsonObject } from '../internal/checkpointFormat.js';
import type { CheckpointInfo } from '../trainer.js';
import type { TrainerCallback } from '../trainerCallback.js';
import { firstNonFinite } from './nanGuard.js';

/** Options of {@link checkpointCallback}. */
export interface CheckpointCallbackOptions {
  /** Where to save: a URL (`'file://runs/gan'` in Node — saved atomically — or `'indexeddb://gan'`, …), an IOHandler, or a function of the step (e.g. one directory per checkpoint). */
  destination: string | tf.io.IOHandler | ((step: number) => string | tf.io.IOHandler);
  /** Save every this many steps (default 1000). */
  every?: number;
  /** Also save when a run ends normally, completed, aborted or out of data (default true). */
  atEnd?: boolean;
  /** Extra JSON to store with each checkpoint, e.g. the data iterator's position, so a resumed run continues with the same batches. */
  metadata?: (step: number) => JsonObject;
  /** Called after each save. */
  onSave?: (info: CheckpointInfo) => void | Promise<void>;
}

/**
 * Saves checkpoints periodically and when training ends, through
 * `trainer.save`. A step whose logs hold NaN or Infinity is never saved, and
 * nothing is saved at the end of a run that failed, so the last good
 * checkpoint survives a divergence (see {@link nanGuard}).
 *
 * @param options - destination, interval, whether to save at the end.
 * @returns the callback.
 *
 * @example
 * ```ts
 * await trainer.fit(data, { steps: 5000, callbacks: [checkpointCallback({ destination: 'file://runs/dcgan', every: 500 })] });
 * // later, in a new process, with the same configuration:
 * await trainer.load('file://runs/dcgan');
 *
 * // With @gankit/datasets, store the iterator's position to resume with the same batches:
 * const batches = mnist.batches({ batchSize: 64, epochs: Infinity, seed: 1 });
 * checkpointCallback({ destination: 'file://runs/dcgan', every: 500, metadata: () => ({ position: { ...batches.position } }) });
 * const { metadata } = await trainer.load('file://runs/dcgan');
 * const resumed = mnist.batches({ batchSize: 64, epochs: Infinity, seed: 1, start: metadata.position as BatchPosition });
 * ```
 */
export function checkpointCallback(options: CheckpointCallbackOptions): TrainerCallback {
  const { destination, every = 1000, atEnd = true, onSave, metadata } = options ?? ({} as CheckpointCallbackOptions);
  if (destination == null) throw new Error(`checkpointCallback: option 'destination' is required`);
  if (!Number.isInteger(every) || every < 1) throw new Error(`checkpointCallback: option 'every' must be an integer ≥ 1, got ${String(every)}`);
  let lastSaved = -1;
  return {
    async onStepEnd(logs, context) {
      if (logs.step % every !== 0 || firstNonFinite(logs) !== undefined) return;
      const target = typeof destination === 'function' ? destination(logs.step) : destination;
      const info = await context.trainer.save(target, metadata ? { metadata: metadata(logs.step) } : {});
      lastSaved = logs.step;
      await onSave?.(info);
    },
    async onTrainEnd(summary, context) {
      const finished = summary.stopReason === 'completed' || summary.stopReason === 'aborted' || summary.stopReason === 'exhausted';
      if (!atEnd || !finished || summary.step === lastSaved || summary.steps === 0) return;
      if (summary.lastLogs !== undefined && firstNonFinite(summary.lastLogs) !== undefined) return;
      const target = typeof destination === 'function' ? destination(summary.step) : destination;
      const info = await context.trainer.save(target, metadata ? { metadata: metadata(summary.step) } : {});
      lastSaved = summary.step;
      await onSave?.(info);
    },
  };
}
