import * as tf from '@tensorflow/tfjs';
import { mlpDiscriminator, mlpGenerator, mlpMixtureGenerator } from '@gankit/architectures';
import { Dataset } from '@gankit/datasets';
import type { Batch, BatchIterator } from '@gankit/datasets';
import { GanTrainer, categoricalLatent } from '@gankit/trainers';
import type { GanStepLogs } from '@gankit/trainers';
import { playgroundDistribution } from './distributions.js';
import type { PlaygroundDistribution } from './distributions.js';
import { generatorGradients } from './generatorGradients.js';
import { buildLossSetup } from './setups.js';
import type { LossSetup } from './setups.js';
import type { Settings } from './settings.js';
import { TrainFocus } from './trainFocus.js';
import { latentGrid } from './views/latentManifold.js';

/** Real points the trainer draws its batches from (a fixed, seeded pool). */
const POOL = 50_000;
/** Generated points per view refresh: the 2,500 of the mode-coverage protocol. */
export const VIEW_SAMPLES = 2_500;
/** Real points drawn on the samples view. */
const REAL_SHOWN = 1_000;
/** Cells per side of the discriminator's heat map. */
export const HEAT_RESOLUTION = 64;
/** Latent codes per side of the latent-manifold grid. */
export const MANIFOLD_SIDE = 24;
/** The sampling seed of the views, fixed so the same latent codes move as G learns. */
const VIEW_SEED = 7;

/** Every step's logged values, for the loss curves. */
export interface History {
  readonly step: number[];
  readonly discriminatorLoss: number[];
  readonly generatorLoss: number[];
  readonly penalty: number[];
  /** Empty for losses without a Wasserstein estimate. */
  readonly wasserstein: number[];
}

/** What the views draw, read back from the backend in one go. */
export interface ViewData {
  /** `VIEW_SAMPLES` generated points, x0, y0, x1, y1, … */
  readonly fake: Float32Array;
  /** The discriminator's raw output on the heat-map grid, row 0 at the top (y1). */
  readonly heat: Float32Array;
  /** −∂L_G/∂x at each generated point (x, y each): where the generator's loss pushes it; when asked for. */
  readonly arrows?: Float32Array;
  /** G's outputs on `latentGrid(MANIFOLD_SIDE)` (x, y each), when asked for and the latent is 2-D noise. */
  readonly manifold?: Float32Array;
}

/**
 * One training run: the networks, the trainer and the data for one
 * configuration, composed from the gankit packages exactly as a user would.
 */
export class Session {
  readonly settings: Settings;
  readonly setup: LossSetup;
  readonly distribution: PlaygroundDistribution;
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  readonly trainer: GanTrainer;
  /** Real points for the samples view (x0, y0, …). */
  readonly real: Float32Array;
  readonly history: History = { step: [], discriminatorLoss: [], generatorLoss: [], penalty: [], wasserstein: [] };
  /** Which networks the steps update (both, D only, G only). */
  readonly focus: TrainFocus;
  /** Why the latent manifold cannot be drawn, or undefined when it can (2-D noise latent). */
  readonly manifoldUnavailable: string | undefined;
  private readonly batches: BatchIterator;
  private readonly heatGrid: tf.Tensor2D;
  private readonly realShown: tf.Tensor2D;
  private readonly manifoldCodes: tf.Tensor2D | undefined;
  private disposed = false;

  /**
   * @param settings - the configuration.
   * @throws if the trainer rejects the configuration (its message names the option).
   */
  constructor(settings: Settings) {
    this.settings = settings;
    this.setup = buildLossSetup(settings.loss);
    this.distribution = playgroundDistribution(settings.distribution, settings.drawn);
    const { seed } = settings;
    const pool = this.distribution.source.sample(POOL, seed);
    const mixture = this.setup.mixture;
    // The mixture setup's networks work in unit scale, as Gulrajani et al.'s toy script divides the grid by 2.828 (its RMS coordinate).
    const scale = mixture ? rmsCoordinate(pool.x) : 1;
    const generatorUnits = new Array<number>(settings.generatorDepth).fill(settings.generatorWidth);
    const generator = mixture
      ? mlpMixtureGenerator({ categories: mixture.categories, noiseDim: settings.latentDim, hiddenUnits: generatorUnits, maxOffset: mixture.maxOffset, outputScale: scale, seed })
      : mlpGenerator({ latentDim: settings.latentDim, hiddenUnits: generatorUnits, seed });
    let discriminator: tf.LayersModel | undefined;
    try {
      discriminator = mlpDiscriminator({
        hiddenUnits: new Array<number>(settings.discriminatorDepth).fill(settings.discriminatorWidth),
        ...(this.setup.wrapLayer ? { wrapLayer: this.setup.wrapLayer } : {}),
        ...(mixture ? { inputDim: 2 * mixture.packing, inputScale: 1 / scale } : {}),
        seed: seed + 1,
      });
      this.trainer = new GanTrainer({
        generator,
        discriminator,
        loss: this.setup.loss,
        preset: this.setup.preset,
        penalties: this.setup.penalties,
        constraints: this.setup.constraints,
        criticSteps: settings.criticSteps,
        learningRates: { generator: settings.generatorLearningRate, discriminator: settings.discriminatorLearningRate },
        ...(settings.decaySteps > 0 ? { learningRateDecay: { start: settings.decayStart, steps: settings.decaySteps } } : {}),
        ...(mixture
          ? {
              packing: mixture.packing,
              ema: mixture.ema,
              latentDim: mixture.categories + settings.latentDim,
              latentDistribution: categoricalLatent({ categories: mixture.categories, noiseDim: settings.latentDim }),
            }
          : {}),
        seed,
      });
    } catch (err) {
      generator.dispose();
      discriminator?.dispose();
      throw err;
    }
    this.generator = generator;
    this.discriminator = discriminator;
    this.batches = new Dataset(pool).batches({ batchSize: Math.min(settings.batchSize, POOL), seed, epochs: Infinity, dropRemainder: true, labels: 'none' });
    this.real = pool.x.slice(0, 2 * REAL_SHOWN);
    this.focus = new TrainFocus(this.trainer.generatorOptimizer, this.trainer.discriminatorOptimizer);
    this.manifoldUnavailable = mixture
      ? `the mixture generator's latent is a ${mixture.categories}-way category plus noise, not a 2-D plane`
      : settings.latentDim !== 2
        ? `the latent size is ${settings.latentDim}; the manifold is drawn for a 2-D latent only`
        : undefined;
    this.manifoldCodes = this.manifoldUnavailable === undefined ? tf.tensor2d(latentGrid(MANIFOLD_SIDE), [MANIFOLD_SIDE * MANIFOLD_SIDE, 2]) : undefined;
    this.realShown = tf.tensor2d(this.real, [REAL_SHOWN, 2]);
    this.heatGrid = heatGrid(this.distribution, mixture ? pool.x.slice(0, 2 * (mixture.packing - 1)) : new Float32Array(0));
  }

  /** Steps completed. */
  get step(): number {
    return this.trainer.stepCount;
  }

  /**
   * One training step: one fresh real batch per critic update, as `fit` would pull them.
   *
   * @returns the step's logs.
   */
  async trainStep(): Promise<GanStepLogs> {
    const batches: Batch[] = [];
    for (let i = 0; i < this.trainer.batchesPerStep; i++) {
      const next = this.batches.next();
      if (next.done === true) throw new Error('the batch iterator ended (it should be endless)');
      batches.push(next.value);
    }
    let logs: GanStepLogs;
    try {
      logs = await this.trainer.step(batches.length === 1 ? batches[0]! : batches);
    } finally {
      for (const b of batches) tf.dispose(b);
    }
    const h = this.history;
    h.step.push(logs.step);
    h.discriminatorLoss.push(logs.discriminatorLoss);
    h.generatorLoss.push(logs.generatorLoss);
    h.penalty.push(logs.penalty);
    if (logs.wassersteinEstimate !== undefined) h.wasserstein.push(logs.wassersteinEstimate);
    return logs;
  }

  /**
   * Generated points (fixed latent codes), the discriminator's output over the
   * plane and, when asked, the generator-gradient arrows at the points and
   * (for a 2-D latent) G's outputs on the latent grid.
   *
   * @param extras - which of the arrows and the manifold to compute too (default neither).
   * @returns all of them, read back asynchronously so a GPU backend does not block the page.
   */
  async view(extras: { readonly arrows?: boolean; readonly manifold?: boolean } = {}): Promise<ViewData> {
    const fakeT = this.trainer.sample(VIEW_SAMPLES, { seed: VIEW_SEED });
    const heatT = tf.tidy(() => tf.reshape(this.discriminator.predict(this.heatGrid) as tf.Tensor, [-1]));
    const arrowsT = extras.arrows !== true ? undefined : generatorGradients(this.discriminator, this.setup.loss, fakeT as tf.Tensor2D, this.realShown, this.setup.mixture?.packing ?? 1);
    const manifoldT = extras.manifold === true && this.manifoldCodes !== undefined ? this.trainer.generate(this.manifoldCodes) : undefined;
    try {
      const [fake, heat, arrows, manifold] = await Promise.all([fakeT.data(), heatT.data(), arrowsT?.data(), manifoldT?.data()]);
      return {
        fake: fake as Float32Array,
        heat: heat as Float32Array,
        ...(arrows !== undefined ? { arrows: arrows as Float32Array } : {}),
        ...(manifold !== undefined ? { manifold: manifold as Float32Array } : {}),
      };
    } finally {
      tf.dispose([fakeT, heatT]);
      arrowsT?.dispose();
      manifoldT?.dispose();
    }
  }

  /** Frees the networks, the trainer's optimizer state and the heat-map grid. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.batches.return();
    this.trainer.dispose();
    this.generator.dispose();
    this.discriminator.dispose();
    this.heatGrid.dispose();
    this.realShown.dispose();
    this.manifoldCodes?.dispose();
  }
}

/** √(mean of the squared coordinates): 2.83 for the grid (centres at −4…4), 0.71 for the unit ring. */
function rmsCoordinate(x: Float32Array): number {
  let sum = 0;
  for (const v of x) sum += v * v;
  return Math.sqrt(sum / x.length);
}

/**
 * The centres of the heat map's cells, row-major from the top row (largest y),
 * each followed by `packWith` (the fixed real points a PacGAN discriminator
 * scores a cell's point with; empty without packing).
 */
function heatGrid(distribution: PlaygroundDistribution, packWith: Float32Array): tf.Tensor2D {
  const { x0, x1, y0, y1 } = distribution.extent;
  const n = HEAT_RESOLUTION;
  const width = 2 + packWith.length;
  const points = new Float32Array(width * n * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      points[width * i] = x0 + ((col + 0.5) / n) * (x1 - x0);
      points[width * i + 1] = y1 - ((row + 0.5) / n) * (y1 - y0);
      points.set(packWith, width * i + 2);
    }
  }
  return tf.tensor2d(points, [n * n, width]);
}
