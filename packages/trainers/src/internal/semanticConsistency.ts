import * as tf from '@tensorflow/tfjs';
import { softmaxCrossEntropy } from './auxiliaryHeads.js';
import { callModel, isLayersModel, sampleShape } from './models.js';
import { checkKeys, checkNumber, optionError, show } from './validate.js';

/**
 * CyCADA's semantic-consistency term for a translation trainer (Hoffman et
 * al. 2018, eq. 4): frozen classifiers that the translations must not change
 * the class of. See {@link CycleGanTrainer}'s `semanticConsistency` option.
 */
export interface SemanticConsistencyOptions {
  /** f_A: classifies domain A images, logits [n, k]. Judges the A images' labels and the translations B→A. Never trained by the trainer. */
  classifierA: tf.LayersModel;
  /** f_B: classifies domain B images, logits [n, k]. Judges the B images' labels and the translations A→B. Default `classifierA` (CyCADA's one source classifier f_S), which needs both domains to have the same image shape. */
  classifierB?: tf.LayersModel;
  /** λ_sem, the weight of the term in the generators' loss (default 1, CyCADA's). */
  weight?: number;
  /** Count a source image only when its classifier's top softmax probability is at least this (default 0: all, as CyCADA). */
  minConfidence?: number;
}

/** The checked option. */
export interface SemanticConsistency {
  readonly classifierA: tf.LayersModel;
  readonly classifierB: tf.LayersModel;
  readonly weight: number;
  readonly minConfidence: number;
}

function checkClassifier(owner: string, option: string, value: unknown, shape: readonly (number | null)[], domain: string): tf.LayersModel {
  if (!isLayersModel(value)) throw optionError(owner, option, `must be a tf.LayersModel, got ${show(value)}`);
  if (value.inputs.length !== 1 || value.outputs.length !== 1) {
    throw optionError(owner, option, `must take one input (domain ${domain} images) and give one output (class logits), it takes ${value.inputs.length} and gives ${value.outputs.length}`);
  }
  const input = sampleShape(value.inputs[0]!);
  if (input.length !== shape.length || input.some((d, i) => d !== null && shape[i] !== null && d !== shape[i])) {
    throw optionError(owner, option, `takes [${input.map(String).join(', ')}], but domain ${domain} images are [${shape.map(String).join(', ')}]`);
  }
  const output = sampleShape(value.outputs[0]!);
  if (output.length !== 1 || output[0] === null || output[0]! < 2) throw optionError(owner, option, `must output class logits [n, k] with k ≥ 2, it outputs [n, ${output.map(String).join(', ')}]`);
  return value;
}

/**
 * Validates the `semanticConsistency` option against the two domains' image shapes.
 *
 * @returns the checked option, or undefined when it is not given.
 */
export function checkSemanticConsistency(owner: string, value: unknown, shapeA: readonly (number | null)[], shapeB: readonly (number | null)[]): SemanticConsistency | undefined {
  if (value === undefined) return undefined;
  const option = 'semanticConsistency';
  if (value === null || typeof value !== 'object') throw optionError(owner, option, `must be { classifierA, classifierB?, weight?, minConfidence? }, got ${show(value)}`);
  checkKeys(owner, option, value, ['classifierA', 'classifierB', 'weight', 'minConfidence']);
  const o = value as Partial<SemanticConsistencyOptions>;
  if (o.classifierA === undefined) throw optionError(owner, `${option}.classifierA`, 'is required (a classifier of domain A images)');
  const classifierA = checkClassifier(owner, `${option}.classifierA`, o.classifierA, shapeA, 'A');
  const classifierB =
    o.classifierB === undefined
      ? checkClassifier(owner, `${option}.classifierA`, classifierA, shapeB, 'B (it also judges them when classifierB is not given)')
      : checkClassifier(owner, `${option}.classifierB`, o.classifierB, shapeB, 'B');
  const k = (m: tf.LayersModel): number => sampleShape(m.outputs[0]!)[0]!;
  if (k(classifierA) !== k(classifierB)) throw optionError(owner, `${option}.classifierB`, `gives ${k(classifierB)} classes, but classifierA gives ${k(classifierA)}`);
  return {
    classifierA,
    classifierB,
    weight: checkNumber(owner, `${option}.weight`, o.weight, 1, { min: 0 })!,
    minConfidence: checkNumber(owner, `${option}.minConfidence`, o.minConfidence, 0, { min: 0, max: 1 })!,
  };
}

/**
 * The source images' labels as the term's targets, computed outside any
 * gradient tape (they are constants of the step): row n is onehot(argmax f(xₙ))
 * scaled by n_total/|M| when the top probability reaches `minConfidence`
 * (the counted set M), and zero otherwise, so that
 * {@link semanticTerm}'s batch mean is the mean over M. Inference mode.
 */
export function semanticTargets(classifier: tf.LayersModel, source: tf.Tensor, minConfidence: number): tf.Tensor2D {
  return tf.tidy(() => {
    const logits = callModel(classifier, source, false);
    const k = logits.shape[1]!;
    // One-hot as int32, then cast: tfjs-backend-wasm 4.22's OneHot ignores a float dtype.
    const onehot = tf.cast(tf.oneHot(tf.argMax(logits, 1), k), 'float32');
    if (minConfidence <= 0) return onehot as tf.Tensor2D;
    const counted = tf.cast(tf.greaterEqual(tf.max(tf.softmax(logits), 1), minConfidence), 'float32');
    const scale = tf.div(logits.shape[0]!, tf.maximum(tf.sum(counted), 1));
    return tf.mul(onehot, tf.expandDims(tf.mul(counted, scale), 1)) as tf.Tensor2D;
  });
}

/**
 * L_sem of one direction: the softmax cross-entropy of the frozen
 * classifier's logits on the translations against {@link semanticTargets},
 * batch mean. The classifier runs in inference mode; the gradient reaches
 * the generator through it. Call inside the generators' gradient tape.
 */
export function semanticTerm(classifier: tf.LayersModel, translated: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return softmaxCrossEntropy(callModel(classifier, translated, false), targets);
}
