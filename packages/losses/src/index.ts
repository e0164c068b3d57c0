/**
 * @packageDocumentation
 * Adversarial losses on logits, gradient penalties, Lipschitz constraints, the
 * ACGAN and InfoGAN auxiliary terms, and the VAE and CycleGAN terms — each
 * with its formula and paper.
 */
import './register.js';

export type { AdversarialLoss } from './adversarialLoss.js';
export { minimaxLoss } from './minimaxLoss.js';
export type { CrossEntropyGanOptions } from './minimaxLoss.js';
export { nonSaturatingLoss } from './nonSaturatingLoss.js';
export { leastSquaresLoss } from './leastSquaresLoss.js';
export type { LeastSquaresOptions } from './leastSquaresLoss.js';
export { hingeLoss } from './hingeLoss.js';
export { wassersteinLoss, wassersteinEstimate } from './wassersteinLoss.js';
export { relativisticAverageLoss } from './relativisticAverageLoss.js';
export { relativisticAverageLeastSquaresLoss } from './relativisticAverageLeastSquaresLoss.js';

export type { Critic, CriticInput, Penalty, PenaltyContext } from './critic.js';
export { gradientPenalty } from './gradientPenalty.js';
export type { GradientPenaltyOptions } from './gradientPenalty.js';
export { r1Penalty } from './r1Penalty.js';
export type { R1PenaltyOptions } from './r1Penalty.js';
export { draganPenalty } from './draganPenalty.js';
export type { DraganPenaltyOptions } from './draganPenalty.js';

export { acganDiscriminatorLoss } from './acganDiscriminatorLoss.js';
export type { AcganDiscriminatorLossOptions } from './acganDiscriminatorLoss.js';
export { acganGeneratorLoss } from './acganGeneratorLoss.js';
export type { AcganGeneratorLossOptions } from './acganGeneratorLoss.js';
export { mutualInformationPenalty } from './mutualInformationPenalty.js';
export type { CategoricalCode, ContinuousCode, MutualInformationPenaltyArgs } from './mutualInformationPenalty.js';

export type { LipschitzConstraint } from './lipschitzConstraint.js';
export { weightClipping } from './weightClipping.js';
export type { WeightClippingOptions } from './weightClipping.js';
export { SpectralNormalization, spectralNorm } from './spectralNormalization.js';
export type { SpectralNormalizationArgs } from './spectralNormalization.js';
export { spectralNormEstimate } from './spectralNormEstimate.js';
export type { SpectralNormEstimateOptions } from './spectralNormEstimate.js';

export { gaussianKl } from './gaussianKl.js';
export { reparameterize } from './reparameterize.js';
export { bernoulliReconstruction } from './bernoulliReconstruction.js';
export { gaussianReconstruction } from './gaussianReconstruction.js';
export { cycleConsistencyLoss } from './cycleConsistencyLoss.js';
export { identityLoss } from './identityLoss.js';
export { semanticConsistencyLoss } from './semanticConsistencyLoss.js';
export type { SemanticConsistencyLossOptions } from './semanticConsistencyLoss.js';
