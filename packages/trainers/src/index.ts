/**
 * @packageDocumentation
 * Training loops for GANs and VAEs on TensorFlow.js: {@link GanTrainer} (any
 * adversarial loss, penalties, Lipschitz constraints, n critic steps, TTUR,
 * EMA of the generator), {@link ConditionalGanTrainer}, {@link VaeTrainer},
 * and the unpaired image-translation trainers {@link CycleGanTrainer} and {@link UnitTrainer};
 * callbacks (progress, sample grids, checkpoints, NaN guard); checkpoints with
 * full state and exact resume. The Node entry adds `file://` checkpoint
 * directories and the JSON-lines logger. Importing either entry registers the
 * gradient overrides of `@gankit/gradients`, so gradient penalties and R1
 * train correctly without `@gankit/backend`.
 */
import './register.js';
export { GanTrainer } from './ganTrainer.js';
export type { GanTrainerOptions } from './ganTrainer.js';
export { ConditionalGanTrainer } from './conditionalGanTrainer.js';
export type { ConditionalGanTrainerOptions } from './conditionalGanTrainer.js';
export { VaeTrainer } from './vaeTrainer.js';
export type { VaeLikelihood, VaeTrainerOptions } from './vaeTrainer.js';
export { CycleGanTrainer } from './cycleGanTrainer.js';
export type { CycleGanTrainerOptions } from './cycleGanTrainer.js';
export { UnitTrainer } from './unitTrainer.js';
export type { UnitTrainerOptions } from './unitTrainer.js';
export type { TranslationDirection } from './internal/translationTrainer.js';
export type { LinearDecay } from './internal/learningRateDecay.js';
export { Trainer } from './trainer.js';
export type { CheckpointInfo, LoadOptions, SampleOptions, SaveOptions } from './trainer.js';
export type { AdversarialTrainerOptions, LatentSampler, RandomSource } from './internal/adversarialOptions.js';
export type { AuxiliaryClassifierOptions, LatentCodesOptions } from './internal/auxiliaryHeads.js';
export type { SemanticConsistencyOptions } from './internal/semanticConsistency.js';
export { FusedAdamOptimizer, fusedAdam } from './fusedAdam.js';
export { categoricalLatent } from './categoricalLatent.js';
export type { CategoricalLatentOptions } from './categoricalLatent.js';
export { GAN_PRESETS } from './ganPresets.js';
export type { GanPreset, GanPresetName } from './ganPresets.js';
export type {
  AdversarialLoss,
  BatchSource,
  Critic,
  CycleGanStepLogs,
  GanStepLogs,
  LipschitzConstraint,
  Penalty,
  PenaltyContext,
  StepLogs,
  TrainingBatch,
  UnitStepLogs,
  UnpairedBatch,
  VaeStepLogs,
} from './types.js';
export type { FitOptions, FitResult, StopReason, TrainerCallback, TrainingContext, TrainingSummary } from './trainerCallback.js';
export { progressCallback } from './callbacks/progressCallback.js';
export type { ProgressEvent, ProgressOptions } from './callbacks/progressCallback.js';
export { sampleGridCallback } from './callbacks/sampleGridCallback.js';
export type { SampleGridOptions } from './callbacks/sampleGridCallback.js';
export { checkpointCallback } from './callbacks/checkpointCallback.js';
export type { CheckpointCallbackOptions } from './callbacks/checkpointCallback.js';
export { bestCheckpoint } from './callbacks/bestCheckpoint.js';
export type { BestCheckpointEvent, BestCheckpointOptions } from './callbacks/bestCheckpoint.js';
export { nanGuard } from './callbacks/nanGuard.js';
export { NonFiniteLossError } from './nonFiniteLossError.js';
export { CheckpointMismatchError } from './checkpointMismatchError.js';
export type { JsonObject, Json } from './internal/checkpointFormat.js';
