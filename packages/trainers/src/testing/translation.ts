/**
 * Fixtures of the translation-trainer tests, shared with the resume child
 * process: a tiny unpaired two-domain problem (8×8 one-channel images — A: a
 * bright square on a dark background; B: such images colour-inverted, drawn
 * independently), tiny per-pixel networks, and a state fingerprint.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '@gankit/test-utils';
import { CycleGanTrainer } from '../cycleGanTrainer.js';
import type { CycleGanTrainerOptions } from '../cycleGanTrainer.js';
import type { UnpairedBatch } from '../types.js';
import { UnitTrainer } from '../unitTrainer.js';
import type { UnitTrainerOptions } from '../unitTrainer.js';

export const SIZE = 8;

/** `n` domain-A images from `seed`: −1 background, a +1 square of side 2–4, in [−1, 1]. */
export function squares(n: number, seed: number): tf.Tensor4D {
  const rand = mulberry32(seed);
  const data = new Float32Array(n * SIZE * SIZE).fill(-0.9);
  for (let k = 0; k < n; k++) {
    const side = 2 + Math.floor(rand() * 3);
    const r0 = Math.floor(rand() * (SIZE - side + 1));
    const c0 = Math.floor(rand() * (SIZE - side + 1));
    for (let r = r0; r < r0 + side; r++) for (let c = c0; c < c0 + side; c++) data[k * SIZE * SIZE + r * SIZE + c] = 0.9;
  }
  return tf.tensor4d(data, [n, SIZE, SIZE, 1]);
}

/** Unpaired batch `i`: A images and, independently drawn, inverted (domain B) images. */
export function unpairedBatch(i: number, n = 8): UnpairedBatch {
  const a = squares(n, 2 * i + 1);
  const other = squares(n, 2 * i + 2);
  const b = tf.neg(other);
  other.dispose();
  return { a, b };
}

/** Endless unpaired batches from index `start` on (fit disposes them). */
export function* unpairedData(start = 0, n = 8): Generator<UnpairedBatch> {
  for (let i = start; ; i++) yield unpairedBatch(i, n);
}

const init = (seed: number): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed });

/** A per-pixel network [8,8,1] → [8,8,1]: dense(hidden, relu) → dense(1, tanh) along channels. */
export function pixelNet(seed: number, hidden = 8): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [SIZE, SIZE, 1], units: hidden, activation: 'relu', kernelInitializer: init(seed) }),
      tf.layers.dense({ units: 1, activation: 'tanh', kernelInitializer: init(seed + 1) }),
    ],
  });
}

/** A whole-image critic [8,8,c] → [1] (sees the mean brightness, so it tells the domains apart). */
export function critic(seed: number, channels = 1): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [SIZE, SIZE, channels] }),
      tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: init(seed) }),
      tf.layers.dense({ units: 1, kernelInitializer: init(seed + 1) }),
    ],
  });
}

/** A classifier of 8×8 one-channel images into 3 classes (logits), for the semantic-consistency term; the trainers never update it. */
export function pixelClassifier(seed: number): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [SIZE, SIZE, 1] }),
      tf.layers.dense({ units: 6, activation: 'relu', kernelInitializer: init(seed) }),
      tf.layers.dense({ units: 3, kernelInitializer: init(seed + 1) }),
    ],
  });
}

/** Options of a small CycleGAN trainer on the problem. */
export function cycleGanOptions(overrides: Partial<CycleGanTrainerOptions> = {}): CycleGanTrainerOptions {
  return {
    generatorAB: pixelNet(11),
    generatorBA: pixelNet(13),
    discriminatorA: critic(15),
    discriminatorB: critic(17),
    learningRate: 5e-3,
    poolSize: 12,
    seed: 3,
    ...overrides,
  };
}

/** UNIT networks with plain layers: per-pixel encoders whose last layer is one shared layer object, decoders whose first layer is. */
export function unitParts(seed: number, latent = 4): Pick<UnitTrainerOptions, 'encoderA' | 'encoderB' | 'decoderA' | 'decoderB'> {
  const sharedEncoder = tf.layers.dense({ units: latent, kernelInitializer: init(seed) });
  const sharedDecoder = tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: init(seed + 1) });
  const encoder = (s: number): tf.LayersModel => {
    const x = tf.input({ shape: [SIZE, SIZE, 1] });
    const h = tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: init(s) }).apply(x) as tf.SymbolicTensor;
    return tf.model({ inputs: x, outputs: sharedEncoder.apply(h) as tf.SymbolicTensor });
  };
  const decoder = (s: number): tf.LayersModel => {
    const z = tf.input({ shape: [SIZE, SIZE, latent] });
    const h = sharedDecoder.apply(z) as tf.SymbolicTensor;
    return tf.model({ inputs: z, outputs: tf.layers.dense({ units: 1, activation: 'tanh', kernelInitializer: init(s) }).apply(h) as tf.SymbolicTensor });
  };
  return { encoderA: encoder(seed + 2), encoderB: encoder(seed + 3), decoderA: decoder(seed + 4), decoderB: decoder(seed + 5) };
}

/** Options of a small UNIT trainer on the problem. */
export function unitOptions(overrides: Partial<UnitTrainerOptions> = {}): UnitTrainerOptions {
  return { ...unitParts(21), discriminatorA: critic(31), discriminatorB: critic(33), learningRate: 1e-2, seed: 5, ...overrides };
}

/** mean |x − y| as a number. */
export function meanAbsDiff(x: tf.Tensor, y: tf.Tensor): number {
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(x, y))).dataSync()[0]!);
}

export const TRANSLATION_KINDS = ['cyclegan', 'cyclegan-semantic', 'unit'] as const;
export type TranslationKind = (typeof TRANSLATION_KINDS)[number];

/** A fresh trainer of the kind for the resume test (pool smaller than the steps' images, so the pool's swaps matter). */
export function buildTranslationTrainer(kind: TranslationKind): CycleGanTrainer | UnitTrainer {
  if (kind === 'unit') return new UnitTrainer(unitOptions({ learningRateDecay: { start: 2, steps: 10 } }));
  const semantic = kind === 'cyclegan-semantic' ? { semanticConsistency: { classifierA: pixelClassifier(41), classifierB: pixelClassifier(43), weight: 2, minConfidence: 0.4 } } : {};
  return new CycleGanTrainer(cycleGanOptions({ poolSize: 6, learningRateDecay: { start: 2, steps: 10 }, ...semantic }));
}

/** Every weight of every model, then translations of fixed images both ways. */
export function translationFingerprint(trainer: CycleGanTrainer | UnitTrainer): number[] {
  const models =
    trainer instanceof CycleGanTrainer
      ? [trainer.generatorAB, trainer.generatorBA, trainer.discriminatorA, trainer.discriminatorB]
      : [trainer.encoderA, trainer.encoderB, trainer.decoderA, trainer.decoderB, trainer.discriminatorA, trainer.discriminatorB];
  const values: number[] = [];
  for (const m of models) for (const w of m.weights) values.push(...w.read().dataSync());
  const { a, b } = unpairedBatch(999, 2) as { a: tf.Tensor; b: tf.Tensor };
  const ab = trainer.translate(a, 'AtoB');
  const ba = trainer.translate(b, 'BtoA');
  values.push(...ab.dataSync(), ...ba.dataSync());
  tf.dispose([a, b, ab, ba]);
  return values;
}
