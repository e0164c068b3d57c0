/**
 * @packageDocumentation
 * Node entry of `@gankit/trainers`: everything in the browser entry, plus
 * `file://` checkpoint directories (registered on import, so
 * `trainer.save('file://dir')` writes a checkpoint directory atomically through
 * the tfjs `file://` router that `initBackend()` from `@gankit/backend` registers)
 * and the {@link jsonLinesLogger} callback.
 */
import './register.js';
import { registerCheckpointRouter } from './internal/checkpointFormat.js';
import { fileCheckpointRouter } from './internal/fileCheckpointStore.js';

registerCheckpointRouter(fileCheckpointRouter);

export { jsonLinesLogger } from './node/jsonLinesLogger.js';
export type { JsonLinesLoggerOptions } from './node/jsonLinesLogger.js';
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
export type { LinearDecay, TranslationDirection } from './internal/translationTrainer.js';
export { Trainer } from './trainer.js';
export type { CheckpointInfo, LoadOptions, SampleOptions, SaveOptions } from './trainer.js';
export type { AdversarialTrainerOptions, LatentSampler, RandomSource } from './internal/adversarialOptions.js';
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
export { nanGuard } from './callbacks/nanGuard.js';
export { NonFiniteLossError } from './nonFiniteLossError.js';
export { CheckpointMismatchError } from './checkpointMismatchError.js';
export type { JsonObject, Json } from './internal/checkpointFormat.js';
