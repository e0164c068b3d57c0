import { NonFiniteLossError } from '../nonFiniteLossError.js';
import type { TrainerCallback } from '../trainerCallback.js';
import type { StepLogs } from '../types.js';

/**
 * Stops training at the first step whose logs hold a NaN or ±Infinity — a
 * loss, the penalty, a gradient norm — by throwing a
 * {@link NonFiniteLossError} that names the value and the step. `fit` rejects
 * with it after every callback's `onTrainEnd`; {@link checkpointCallback}
 * never saves a non-finite step (nor at the end of a failed run), so the last
 * good checkpoint stays intact.
 *
 * @returns the callback.
 *
 * @example
 * ```ts
 * await trainer.fit(data, { steps: 10_000, callbacks: [nanGuard(), checkpointCallback({ destination: 'file://runs/gan', every: 500 })] });
 * ```
 */
export function nanGuard(): TrainerCallback {
  return {
    onStepEnd(logs) {
      const bad = firstNonFinite(logs);
      if (bad !== undefined) throw new NonFiniteLossError(bad[0], bad[1], logs.step);
    },
  };
}

/** The first log entry that is NaN or infinite, as [name, value]. */
export function firstNonFinite(logs: StepLogs): [string, number] | undefined {
  for (const [name, value] of Object.entries(logs)) {
    if (typeof value === 'number' && !Number.isFinite(value)) return [name, value];
  }
  return undefined;
}
