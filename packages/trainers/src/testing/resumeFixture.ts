/**
 * The exact-resume fixture, shared by the test and the child process it
 * spawns: small trainers of each kind with everything that carries state
 * (Adam and RMSprop, batch norm moving statistics, EMA, a penalty that draws
 * random numbers, weight clipping, several critic steps), deterministic data
 * by batch index, and a numeric fingerprint of a trainer's state.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '@gankit/test-utils';
import { ConditionalGanTrainer } from '../conditionalGanTrainer.js';
import { GanTrainer } from '../ganTrainer.js';
import type { Trainer } from '../trainer.js';
import type { TrainingBatch } from '../types.js';
import { VaeTrainer } from '../vaeTrainer.js';
import { gaussian, gradientPenalty, mlp, wasserstein } from './fixtures.js';

export const RESUME_KINDS = ['gan', 'cgan', 'vae'] as const;
export type ResumeKind = (typeof RESUME_KINDS)[number];

/** A generator with batch norm, so non-trainable weights (moving statistics) are part of the state. */
function generatorWithBatchNorm(seed: number): tf.LayersModel {
  const init = tf.initializers.glorotUniform({ seed });
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [3], units: 8, kernelInitializer: init }),
      tf.layers.batchNormalization(),
      tf.layers.activation({ activation: 'relu' }),
      tf.layers.dense({ units: 2, kernelInitializer: init }),
    ],
  });
}

/** A VAE encoder with two heads, [mean, logVar]. */
function twoHeadEncoder(seed: number): tf.LayersModel {
  const x = tf.input({ shape: [6] });
  const h = tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }) }).apply(x) as tf.SymbolicTensor;
  const mean = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }).apply(h) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: [mean, logVar] });
}

/** A fresh trainer of the kind, with fixed initial weights. */
export function buildResumeTrainer(kind: ResumeKind): Trainer {
  if (kind === 'gan') {
    return new GanTrainer({
      generator: generatorWithBatchNorm(1),
      discriminator: mlp([2], [8], 1, 2),
      loss: wasserstein,
      penalties: [gradientPenalty(10)],
      criticSteps: 2,
      learningRates: { generator: 1e-2, discriminator: 1e-2 },
      ema: 0.9,
      seed: 7,
    });
  }
  if (kind === 'cgan') {
    return new ConditionalGanTrainer({
      generator: mlp([3, 3], [8], 2, 3),
      discriminator: mlp([2, 3], [8], 1, 4),
      loss: wasserstein,
      preset: 'wgan',
      criticSteps: 2,
      learningRates: { generator: 1e-2, discriminator: 1e-2 },
      ema: true,
      numClasses: 3,
      seed: 8,
    });
  }
  return new VaeTrainer({ encoder: twoHeadEncoder(5), decoder: mlp([2], [8], 6, 6), learningRate: 1e-2, seed: 9 });
}

/** Batch `i` of the kind's data, the same in every process. */
function batchAt(kind: ResumeKind, i: number): TrainingBatch {
  const rand = mulberry32(1000 + i);
  if (kind === 'vae') {
    return { x: tf.tensor2d(Array.from({ length: 8 }, () => Array.from({ length: 6 }, () => (rand() < 0.5 ? 0 : 1)))) };
  }
  const labels = Array.from({ length: 8 }, () => Math.floor(rand() * 3));
  const x = tf.tensor2d(labels.map((k) => [k + 0.2 * gaussian(rand), -k + 0.2 * gaussian(rand)]));
  return kind === 'cgan' ? { x, labels: tf.tensor1d(labels, 'int32') } : { x };
}

/** Endless batches from batch index `start` on. */
export function* resumeData(kind: ResumeKind, start: number): Generator<TrainingBatch> {
  for (let i = start; ; i++) yield batchAt(kind, i);
}

/** Every weight of every model, then samples (EMA generator, and the sampling stream), flattened. */
export function fingerprint(trainer: Trainer): number[] {
  const models: tf.LayersModel[] =
    trainer instanceof VaeTrainer ? [trainer.encoder, trainer.decoder] : [(trainer as GanTrainer).generator, (trainer as GanTrainer).discriminator];
  const values: number[] = [];
  for (const m of models) for (const w of m.weights) values.push(...w.read().dataSync());
  const labels = trainer.numClasses === undefined ? {} : { labels: [0, 1, 2, 0] };
  const fixed = trainer.sample(4, { seed: 3, ...labels });
  const drawn = trainer.sample(4, labels);
  values.push(...fixed.dataSync(), ...drawn.dataSync());
  tf.dispose([fixed, drawn]);
  return values;
}
