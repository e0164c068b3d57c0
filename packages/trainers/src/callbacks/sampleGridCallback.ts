import type * as tf from '@tensorflow/tfjs';
import type { Trainer } from '../trainer.js';
import type { TrainerCallback } from '../trainerCallback.js';
import { Rng } from '../internal/rng.js';

/** Options of {@link sampleGridCallback}. */
export interface SampleGridOptions {
  /** Draw samples every this many steps (default 500). */
  every?: number;
  /** How many samples (default 64). */
  count?: number;
  /** Labels for conditional trainers (default `i mod numClasses`, so each grid row of numClasses cells shows every class). */
  labels?: readonly number[];
  /** Seed of the fixed latent codes (default 0); fixed so grids of different steps are comparable. */
  seed?: number;
  /** Also draw at the beginning and at the end of a run (default true). */
  atBeginAndEnd?: boolean;
}

/**
 * Periodically generates samples from fixed latent codes (the EMA generator
 * when there is one) and hands them to a listener — to write a PNG grid
 * (`@gankit/datasets`), draw to a canvas, or log. The codes come from their
 * own seed, so drawing samples does not change the training run. The tensor
 * is disposed when the listener returns: clone it to keep it.
 *
 * @param listener - receives `[count, ...sampleShape]` samples and the step.
 * @param options - interval, count, labels, seed.
 * @returns the callback.
 *
 * @example
 * ```ts
 * import { writeImageGrid } from '@gankit/datasets';
 * const grids = sampleGridCallback((samples, step) => writeImageGrid(`runs/samples/${step}.png`, samples), { every: 500 });
 * await trainer.fit(data, { steps: 5000, callbacks: [grids] });
 * ```
 */
export function sampleGridCallback(listener: (samples: tf.Tensor, step: number) => void | Promise<void>, options: SampleGridOptions = {}): TrainerCallback {
  const { every = 500, count = 64, seed = 0, atBeginAndEnd = true } = options;
  if (typeof listener !== 'function') throw new Error(`sampleGridCallback: 'listener' must be a function`);
  if (!Number.isInteger(every) || every < 1) throw new Error(`sampleGridCallback: option 'every' must be an integer ≥ 1, got ${String(every)}`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`sampleGridCallback: option 'count' must be an integer ≥ 1, got ${String(count)}`);
  if (options.labels !== undefined && options.labels.length !== count) {
    throw new Error(`sampleGridCallback: option 'labels' has ${options.labels.length} labels for ${count} samples`);
  }
  let latent: tf.Tensor | undefined;
  let labels: number[] | undefined;
  let lastDrawn = -1;
  const draw = async (trainer: Trainer): Promise<void> => {
    const samples = trainer.generate(latent!, labels);
    try {
      await listener(samples, trainer.stepCount);
    } finally {
      samples.dispose();
    }
    lastDrawn = trainer.stepCount;
  };
  return {
    async onTrainBegin({ trainer }) {
      latent?.dispose();
      latent = Rng.fromSeed(seed, 4).normal([count, ...trainer.latentShape]);
      const classes = trainer.numClasses;
      labels = classes === undefined ? undefined : (options.labels?.slice() ?? Array.from({ length: count }, (_, i) => i % classes));
      if (atBeginAndEnd) await draw(trainer);
    },
    async onStepEnd(logs, { trainer }) {
      if (logs.step % every === 0) await draw(trainer);
    },
    async onTrainEnd(summary, { trainer }) {
      try {
        if (atBeginAndEnd && summary.stopReason !== 'error' && trainer.stepCount !== lastDrawn) await draw(trainer);
      } finally {
        latent?.dispose();
        latent = undefined;
      }
    },
  };
}
