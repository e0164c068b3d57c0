import type * as tf from '@tensorflow/tfjs';
import type { BatchSource, StepLogs, Trainer, TrainingBatch, UnpairedBatch } from '@gankit/trainers';

/** The budget and seed a recipe runs with (its defaults, overridden by flags). */
export interface RecipeOptions {
  steps: number;
  batchSize: number;
  seed: number;
  /**
   * Train on the first `limit` examples of the training split only, and score
   * against that many real examples (a quick trial, or a test). Only recipes
   * with a fixed training set take it ({@link Recipe.trainingSet}).
   */
  limit?: number;
}

/** What `gankit sample` writes as JSON: images NHWC in [0, 1], 2-D points as they are. */
export interface SampleJson {
  shape: number[];
  data: number[];
  labels?: number[];
}

/** A recipe, built and ready to train. */
export interface RecipeRun {
  /** The trainer, composed from the packages' public APIs. */
  readonly trainer: Trainer<StepLogs, TrainingBatch> | Trainer<StepLogs, UnpairedBatch>;
  /**
   * Endless training batches, starting after `completedSteps` trainer steps, so
   * a resumed run sees exactly the batches it would have seen.
   */
  batches(completedSteps: number): BatchSource<TrainingBatch> | BatchSource<UnpairedBatch>;
  /** Draws `n` samples (optionally for labels) as a tensor the caller disposes. */
  sample(n: number, options: { seed?: number; label?: number }): tf.Tensor;
  /** How many samples one picture shows (1,000 points for 2-D; 100 images). */
  readonly pictureSamples: number;
  /** Writes samples as a PNG picture. */
  writePicture(samples: tf.Tensor, file: string): Promise<void>;
  /** Converts samples to the JSON the `sample` command writes. */
  toJson(samples: tf.Tensor, labels?: number[]): SampleJson;
  /** Translation recipes: maps images (NHWC in [−1, 1]) to the other domain. */
  translate?(images: tf.Tensor, direction: 'AtoB' | 'BtoA'): tf.Tensor;
  /** The recipe's metrics, by name, on `samples` generated samples (default: the protocol's count). */
  evaluate(options?: { samples?: number }): Promise<Record<string, number>>;
  /**
   * Recipes with a {@link Recipe.selection}: the selection metrics, by name,
   * on the run's validation split (carved from the training data, never the
   * test split, and never trained on).
   */
  validate?(): Promise<Record<string, number>>;
}

/** How `gankit train` keeps a best checkpoint (`<run>/best`) beside the last one. */
export interface CheckpointSelection {
  /** The key of {@link RecipeRun.validate}'s result to monitor. */
  readonly metric: string;
  /** Whether higher or lower is better. */
  readonly mode: 'max' | 'min';
  /** Measure every this many steps (and at the end). */
  readonly every: number;
  /** Don't measure before this step. */
  readonly startStep?: number;
}

/** One reference setup: a short, self-contained example of composing the packages. */
export interface Recipe {
  readonly name: string;
  /** One line for `gankit list`. */
  readonly summary: string;
  readonly defaults: RecipeOptions & { sampleEvery: number; checkpointEvery: number };
  /**
   * The fixed training set an image recipe learns from, as `gankit train`
   * names it when `--limit` trains on part of it; absent for the 2-D recipes,
   * which draw fresh samples (and refuse `--limit`).
   */
  readonly trainingSet?: string;
  /**
   * Keep the best checkpoint by a metric on a validation split of the
   * training data (`gankit train` writes it to `<run>/best`; `eval`,
   * `sample` and `translate` take `--which best`). Absent: only the last.
   */
  readonly selection?: CheckpointSelection;
  /** Whether the recipe translates images between two domains (`gankit translate`). */
  readonly translation?: boolean;
  /** Whether `--label` applies to `gankit sample`. */
  readonly conditional?: boolean;
  create(options: RecipeOptions): Promise<RecipeRun>;
}
