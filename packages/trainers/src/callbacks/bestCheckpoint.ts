import type * as tf from '@tensorflow/tfjs';
import type { JsonObject } from '../internal/checkpointFormat.js';
import type { CheckpointInfo } from '../trainer.js';
import type { TrainerCallback, TrainingContext } from '../trainerCallback.js';
import { firstNonFinite } from './nanGuard.js';

/** A new best value of the monitored metric, as {@link BestCheckpointOptions.onImprove} sees it. */
export interface BestCheckpointEvent {
  /** The step the checkpoint was taken at. */
  readonly step: number;
  /** The metric's value there. */
  readonly value: number;
  /** The previous best value (`undefined` for the first measurement). */
  readonly previous: number | undefined;
  /** What `trainer.save` returned. */
  readonly info: CheckpointInfo;
}

/** Options of {@link bestCheckpoint}. */
export interface BestCheckpointOptions {
  /** Where the best checkpoint goes (a URL such as `'file://runs/gan/best'`, saved atomically, or an IOHandler); it is overwritten on each improvement. */
  destination: string | tf.io.IOHandler;
  /**
   * Measures the trainer: the monitored metric, computed on data held out
   * from training (a validation split of the training data, never the test
   * split). Called every `every` steps and at the end of a completed run.
   */
  monitor: (context: TrainingContext) => number | Promise<number>;
  /** The metric's name, stored with the checkpoint (default `'metric'`). */
  name?: string;
  /** Whether higher (`'max'`, default) or lower (`'min'`) is better. */
  mode?: 'max' | 'min';
  /** Measure every this many steps (default 1000). */
  every?: number;
  /** Don't measure before this step (default 0): early checkpoints can score well on a metric that is not yet meaningful. */
  startStep?: number;
  /** The best value so far, when continuing a run whose best checkpoint is already at `destination`: only a better value replaces it. */
  best?: number;
  /** Extra JSON stored with each best checkpoint (beside `monitor`). */
  metadata?: (step: number) => JsonObject;
  /** Called after a measurement, improved or not. */
  onMeasure?: (step: number, value: number) => void | Promise<void>;
  /** Called after a new best checkpoint is saved. */
  onImprove?: (event: BestCheckpointEvent) => void | Promise<void>;
}

/**
 * Keeps the best checkpoint by a monitored metric, like Keras's
 * `ModelCheckpoint(save_best_only=True)` and Lightning's `ModelCheckpoint`
 * with `monitor`: every `every` steps (and when a run completes) it calls
 * `monitor`, and when the value beats the best so far (strictly: `>` for
 * `'max'`, `<` for `'min'`) it saves the trainer to `destination`, with
 * `metadata.monitor = { name, value, mode }`. GAN training does not improve
 * monotonically, so the last checkpoint need not be the best one.
 *
 * Compute the metric on a validation split carved from the training data:
 * selecting on the test split would make the test numbers optimistic.
 * A non-finite metric is never an improvement, and a step whose logs hold
 * NaN or Infinity is not measured (see {@link nanGuard}).
 *
 * @param options - `destination`, `monitor` (required); `name`, `mode`, `every`, `startStep`, `best`, `metadata`, `onMeasure`, `onImprove`.
 * @returns the callback.
 * @throws if an option is missing or out of range, naming it.
 *
 * @example
 * ```ts
 * import { precisionRecallDensityCoverage } from '@gankit/metrics';
 * const validation = gridOfGaussians().sample(2500, 999_999); // held out from training
 * const best = bestCheckpoint({
 *   destination: 'file://runs/grid/best',
 *   name: 'coverage',
 *   every: 500,
 *   monitor: ({ trainer }) => {
 *     const samples = (trainer as GanTrainer).sample(2500, { seed: 1 });
 *     const { coverage } = precisionRecallDensityCoverage(validation, samples);
 *     samples.dispose();
 *     return coverage;
 *   },
 * });
 * await trainer.fit(batches, { steps: 15_000, callbacks: [best] });
 * await trainer.load('file://runs/grid/best'); // the best-covering generator
 * ```
 */
export function bestCheckpoint(options: BestCheckpointOptions): TrainerCallback {
  const fn = 'bestCheckpoint';
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: 'options' must be an object with 'destination' and 'monitor', got ${String(options)}`);
  const { destination, monitor, name = 'metric', mode = 'max', every = 1000, startStep = 0, metadata, onMeasure, onImprove } = options;
  if (destination == null) throw new Error(`${fn}: option 'destination' is required`);
  if (typeof monitor !== 'function') throw new TypeError(`${fn}: option 'monitor' must be a function of the training context returning a number, got ${typeof monitor}`);
  if (typeof name !== 'string' || name === '') throw new TypeError(`${fn}: option 'name' must be a non-empty string, got ${String(name)}`);
  if (mode !== 'max' && mode !== 'min') throw new RangeError(`${fn}: option 'mode' must be 'max' or 'min', got ${String(mode)}`);
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`${fn}: option 'every' must be an integer ≥ 1, got ${String(every)}`);
  if (!Number.isInteger(startStep) || startStep < 0) throw new RangeError(`${fn}: option 'startStep' must be an integer ≥ 0, got ${String(startStep)}`);
  if (options.best !== undefined && (typeof options.best !== 'number' || Number.isNaN(options.best))) {
    throw new TypeError(`${fn}: option 'best' must be a number (the best value so far), got ${String(options.best)}`);
  }
  let best = options.best;
  let lastMeasured = -1;
  const better = (value: number): boolean => Number.isFinite(value) && (best === undefined || (mode === 'max' ? value > best : value < best));

  async function measure(step: number, context: TrainingContext): Promise<void> {
    lastMeasured = step;
    const value = await monitor(context);
    if (typeof value !== 'number') throw new TypeError(`${fn}: 'monitor' must return a number, got ${typeof value}`);
    await onMeasure?.(step, value);
    if (!better(value)) return;
    const previous = best;
    const info = await context.trainer.save(destination, { metadata: { ...(metadata?.(step) ?? {}), monitor: { name, value, mode } } });
    best = value;
    await onImprove?.({ step, value, previous, info });
  }

  return {
    async onStepEnd(logs, context) {
      if (logs.step % every !== 0 || logs.step < startStep || firstNonFinite(logs) !== undefined) return;
      await measure(logs.step, context);
    },
    async onTrainEnd(summary, context) {
      if (summary.stopReason !== 'completed' || summary.steps === 0 || summary.step === lastMeasured || summary.step < startStep) return;
      if (summary.lastLogs !== undefined && firstNonFinite(summary.lastLogs) !== undefined) return;
      await measure(summary.step, context);
    },
  };
}
