import type { StepLogs } from './types.js';
import type { Trainer } from './trainer.js';

/** Why a `fit` / `train` run ended. */
export type StopReason = 'completed' | 'aborted' | 'exhausted' | 'error' | 'returned';

/** What callbacks see about the run they are part of. */
export interface TrainingContext {
  /** The trainer running. */
  readonly trainer: Trainer;
  /** Steps this run was asked for (may be `Infinity`). */
  readonly totalSteps: number;
  /** The trainer's step count when the run began. */
  readonly startStep: number;
  /** The run's abort signal, if any. */
  readonly signal?: AbortSignal;
}

/** How a run ended, for `onTrainEnd` and as `fit`'s result. */
export interface TrainingSummary<L extends StepLogs = StepLogs> {
  /** Why it ended: all steps done, aborted, the dataset ran out, an error, or the caller stopped iterating. */
  readonly stopReason: StopReason;
  /** Steps completed in this run. */
  readonly steps: number;
  /** The trainer's step count at the end. */
  readonly step: number;
  /** Logs of the last completed step. */
  readonly lastLogs?: L;
  /** The error, when `stopReason` is `'error'`. */
  readonly error?: unknown;
  /** Wall-clock seconds of the run. */
  readonly seconds: number;
}

/**
 * A training callback: any object with some of these hooks. Hooks may be
 * async (the loop awaits them); throwing from one stops training with that
 * error, after every callback's `onTrainEnd` has run.
 *
 * @example
 * ```ts
 * const printEvery100: TrainerCallback = {
 *   onStepEnd: (logs) => { if (logs.step % 100 === 0) console.log(logs); },
 * };
 * await trainer.fit(data, { steps: 1000, callbacks: [printEvery100] });
 * ```
 */
export interface TrainerCallback<L extends StepLogs = StepLogs> {
  /** Before the first step. */
  onTrainBegin?(context: TrainingContext): void | Promise<void>;
  /** After each step, with its logs. */
  onStepEnd?(logs: L, context: TrainingContext): void | Promise<void>;
  /** After the run, however it ended. */
  onTrainEnd?(summary: TrainingSummary<L>, context: TrainingContext): void | Promise<void>;
}

/** Options of `fit` and `train`. */
export interface FitOptions<L extends StepLogs = StepLogs> {
  /** Steps (generator updates for GANs) to run; default: until the dataset ends. */
  steps?: number;
  /** Callbacks, called in order. */
  callbacks?: ReadonlyArray<TrainerCallback<L>>;
  /** Aborting stops the run cleanly between steps (`stopReason: 'aborted'`). */
  signal?: AbortSignal;
}

/** What `fit` resolves to: the summary and every step's logs. */
export interface FitResult<L extends StepLogs = StepLogs> extends TrainingSummary<L> {
  /** The logs of each step, in order. */
  readonly history: L[];
}
