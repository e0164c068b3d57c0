import type { Trainer } from '../trainer.js';
import type { FitOptions, StopReason, TrainingContext, TrainingSummary } from '../trainerCallback.js';
import type { BatchSource, StepLogs, TrainingBatch } from '../types.js';
import { disposeBatch, toIterator } from './batches.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';

/**
 * The loop behind `Trainer.train` and `fit`: pulls `batchesPerStep` batches
 * per step, runs the step, disposes the batches, calls the callbacks, yields
 * the logs, then yields to the event loop. Stops when the steps are done, the
 * signal aborts, the data runs out, something throws (after every callback's
 * `onTrainEnd`), or the consumer stops iterating.
 */
export async function* trainingLoop<L extends StepLogs, B = TrainingBatch>(
  trainer: Trainer<L, B>,
  dataset: BatchSource<B>,
  options: FitOptions<L>,
): AsyncGenerator<L, TrainingSummary<L>, undefined> {
  const { steps = Infinity, callbacks = [], signal } = options;
  if (typeof steps !== 'number' || !(steps >= 0) || (!Number.isInteger(steps) && steps !== Infinity)) {
    throw new Error(`${trainer.trainerType}.fit: option 'steps' must be a non-negative integer or Infinity, got ${String(steps)}`);
  }
  const iterator = toIterator(dataset, `${trainer.trainerType}.fit`);
  const context: TrainingContext = { trainer: trainer as unknown as Trainer, totalSteps: steps, startStep: trainer.stepCount, ...(signal ? { signal } : {}) };
  const started = performance.now();
  let done = 0;
  let reason: StopReason | undefined;
  let failure: unknown;
  let lastLogs: L | undefined;
  try {
    for (const cb of callbacks) await cb.onTrainBegin?.(context);
    while (done < steps) {
      if (signal?.aborted === true) {
        reason = 'aborted';
        break;
      }
      const batches: B[] = [];
      for (let i = 0; i < trainer.batchesPerStep; i++) {
        const next = await iterator.next();
        if (next.done === true) break;
        batches.push(next.value);
      }
      if (batches.length < trainer.batchesPerStep) {
        batches.forEach(disposeBatch);
        reason = 'exhausted';
        break;
      }
      let logs: L;
      try {
        logs = await trainer.step(batches.length === 1 ? batches[0]! : batches);
      } finally {
        batches.forEach(disposeBatch);
      }
      done++;
      lastLogs = logs;
      for (const cb of callbacks) await cb.onStepEnd?.(logs, context);
      yield logs;
      await yieldToEventLoop();
    }
    reason ??= 'completed';
  } catch (err) {
    reason = 'error';
    failure = err;
  } finally {
    const summary: TrainingSummary<L> = {
      stopReason: reason ?? 'returned',
      steps: done,
      step: trainer.stepCount,
      seconds: (performance.now() - started) / 1000,
      ...(lastLogs ? { lastLogs } : {}),
      ...(reason === 'error' ? { error: failure } : {}),
    };
    for (const cb of callbacks) {
      try {
        await cb.onTrainEnd?.(summary, context);
      } catch (err) {
        if (reason !== 'error') {
          reason = 'error';
          failure = err;
        }
      }
    }
  }
  if (reason === 'error') throw failure;
  return { stopReason: reason ?? 'returned', steps: done, step: trainer.stepCount, seconds: (performance.now() - started) / 1000, ...(lastLogs ? { lastLogs } : {}) };
}
