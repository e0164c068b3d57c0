import type { StopReason, TrainerCallback, TrainingContext } from '../trainerCallback.js';
import type { StepLogs } from '../types.js';

/** A progress event, for apps to render. */
export interface ProgressEvent {
  /** `'begin'` before the first step, `'step'` after steps, `'end'` when the run stops. */
  readonly phase: 'begin' | 'step' | 'end';
  /** The trainer's step count. */
  readonly step: number;
  /** Steps done in this run. */
  readonly stepsDone: number;
  /** Steps this run was asked for (may be Infinity). */
  readonly totalSteps: number;
  /** stepsDone / totalSteps (0 when unbounded). */
  readonly fraction: number;
  /** Seconds since the run began. */
  readonly elapsedSeconds: number;
  /** Estimated seconds left (undefined when unbounded or before the first step). */
  readonly etaSeconds?: number;
  /** The latest step's logs. */
  readonly logs?: StepLogs;
  /** Why the run stopped (phase `'end'`). */
  readonly stopReason?: StopReason;
}

/** Options of {@link progressCallback}. */
export interface ProgressOptions {
  /** Report every this many steps (default 1); the last step of a run is always reported through `'end'`. */
  every?: number;
}

/**
 * Reports training progress — step, fraction, elapsed time, ETA and the
 * latest logs — to a listener, e.g. to draw a progress bar or a loss chart.
 *
 * @param listener - called with each event; may be async (training waits).
 * @param options - how often to report.
 * @returns the callback.
 *
 * @example
 * ```ts
 * await trainer.fit(data, {
 *   steps: 2000,
 *   callbacks: [progressCallback((e) => console.log(`${(100 * e.fraction).toFixed(0)}% ${e.logs?.generatorLoss}`), { every: 100 })],
 * });
 * ```
 */
export function progressCallback(listener: (event: ProgressEvent) => void | Promise<void>, options: ProgressOptions = {}): TrainerCallback {
  const every = options.every ?? 1;
  if (typeof listener !== 'function') throw new Error(`progressCallback: 'listener' must be a function, got ${String(listener)}`);
  if (!Number.isInteger(every) || every < 1) throw new Error(`progressCallback: option 'every' must be an integer ≥ 1, got ${String(every)}`);
  let started = 0;
  const event = (phase: ProgressEvent['phase'], context: TrainingContext, logs?: StepLogs, stopReason?: StopReason): ProgressEvent => {
    const step = context.trainer.stepCount;
    const stepsDone = step - context.startStep;
    const elapsedSeconds = (performance.now() - started) / 1000;
    const bounded = Number.isFinite(context.totalSteps) && context.totalSteps > 0;
    return {
      phase,
      step,
      stepsDone,
      totalSteps: context.totalSteps,
      fraction: bounded ? stepsDone / context.totalSteps : 0,
      elapsedSeconds,
      ...(bounded && stepsDone > 0 ? { etaSeconds: (elapsedSeconds / stepsDone) * (context.totalSteps - stepsDone) } : {}),
      ...(logs ? { logs } : {}),
      ...(stopReason ? { stopReason } : {}),
    };
  };
  return {
    async onTrainBegin(context) {
      started = performance.now();
      await listener(event('begin', context));
    },
    async onStepEnd(logs, context) {
      if ((context.trainer.stepCount - context.startStep) % every === 0) await listener(event('step', context, logs));
    },
    async onTrainEnd(summary, context) {
      await listener(event('end', context, summary.lastLogs, summary.stopReason));
    },
  };
}
