import * as tf from '@tensorflow/tfjs';
import type { CheckpointEntry, JsonObject } from './checkpointFormat.js';
import { optionError, show } from './validate.js';

/** Duck-typed `tf.LayersModel` check (works across bundles that each hold a tfjs copy of the class). */
export function isLayersModel(value: unknown): value is tf.LayersModel {
  const m = value as Partial<tf.LayersModel> | null;
  return (
    m != null &&
    typeof m === 'object' &&
    typeof m.apply === 'function' &&
    typeof m.toJSON === 'function' &&
    Array.isArray(m.inputs) &&
    Array.isArray(m.outputs) &&
    Array.isArray(m.weights) &&
    Array.isArray(m.trainableWeights)
  );
}

/** Checks an option is a LayersModel with the expected number of inputs. */
export function checkModel(owner: string, option: string, value: unknown, inputs: number, what: string): tf.LayersModel {
  if (!isLayersModel(value)) throw optionError(owner, option, `must be a tf.LayersModel, got ${show(value)}`);
  if (value.inputs.length !== inputs) {
    throw optionError(owner, option, `must take ${inputs} input${inputs === 1 ? '' : 's'} (${what}), but it takes ${value.inputs.length}`);
  }
  if (value.trainableWeights.length === 0) throw optionError(owner, option, 'has no trainable weights');
  return value;
}

/** The shape of a model's input/output without the batch dimension. */
export function sampleShape(symbolic: tf.SymbolicTensor): (number | null)[] {
  return symbolic.shape.slice(1);
}

/** The model's trainable variables, the `varList` for its optimizer. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** What must match for a checkpoint of this model to load into it. */
export function modelSignature(model: tf.LayersModel): JsonObject {
  return {
    inputs: model.inputs.map((t) => sampleShape(t)),
    outputs: model.outputs.map((t) => sampleShape(t)),
    weights: ((trainable) => model.weights.map((w) => `${trainable.has(w) ? '' : 'frozen '}[${w.shape.join(',')}]`))(new Set(model.trainableWeights)),
  };
}

/** Runs a model; a single output comes back as a tensor. */
export function callModel(model: tf.LayersModel, inputs: tf.Tensor | tf.Tensor[], training: boolean): tf.Tensor {
  const out = model.apply(inputs, { training }) as tf.Tensor | tf.Tensor[];
  if (Array.isArray(out)) {
    if (out.length !== 1) throw new Error(`expected a model with one output, got ${out.length}`);
    return out[0]!;
  }
  return out;
}

/**
 * The weights an average of the model (EMA) follows: the trainable weights and
 * the moving statistics of its batch-norm layers, in `model.weights` order.
 * An average of the trainable weights alone would run with the live model's
 * batch-norm statistics, which belong to other weights; averaging the
 * statistics too is what timm's `ModelEmaV2` does. Other frozen weights
 * (a one-hot identity embedding, say) never change and are left out, so
 * rounding cannot move them.
 */
export function averagedWeights(model: tf.LayersModel): tf.LayerVariable[] {
  const statistics = new Set<tf.LayerVariable>();
  const visit = (layers: readonly tf.layers.Layer[]): void => {
    for (const layer of layers) {
      if (isLayersModel(layer)) visit((layer as unknown as tf.LayersModel).layers);
      else if (layer.getClassName() === 'BatchNormalization') for (const w of layer.nonTrainableWeights) statistics.add(w);
    }
  };
  visit(model.layers);
  const trainable = new Set(model.trainableWeights);
  return model.weights.filter((w) => trainable.has(w) || statistics.has(w));
}

/** A snapshot of the model's weights (clones; later assignments do not change them), optionally with some weights' values replaced (an EMA's averages). */
export function modelEntry(name: string, model: tf.LayersModel, replace?: ReadonlyMap<tf.LayerVariable, tf.Tensor>): CheckpointEntry {
  const weights = model.weights.map((w) => {
    const value = replace?.get(w) ?? w.read();
    return { name: w.originalName, tensor: value.clone() };
  });
  return { name, kind: 'model', topology: model.toJSON(null, false) as JsonObject, weights };
}

/** Checks that a stored model entry fits the model, weight by weight; returns the problems. */
export function modelEntryProblems(model: tf.LayersModel, entry: CheckpointEntry): string[] {
  if (entry.weights.length !== model.weights.length) {
    return [`${entry.name}: the checkpoint holds ${entry.weights.length} weights, the model has ${model.weights.length}`];
  }
  const problems: string[] = [];
  model.weights.forEach((w, i) => {
    const stored = entry.weights[i]!.tensor;
    if (!tf.util.arraysEqual(stored.shape, w.shape as number[]) || stored.dtype !== w.dtype) {
      problems.push(`${entry.name}: weight ${i} (${w.originalName}) is ${stored.dtype}[${stored.shape.join(',')}] in the checkpoint, ${w.dtype}[${w.shape.join(',')}] here`);
    }
  });
  return problems;
}

/**
 * Writes stored values into the model's variables by position. Assigns the
 * variables directly: `LayerVariable.write` would apply layer constraints,
 * which training (minimize) never does, and resume must be exact.
 */
export function restoreModel(model: tf.LayersModel, entry: CheckpointEntry): void {
  model.weights.forEach((w, i) => (w.read() as tf.Variable).assign(entry.weights[i]!.tensor));
}
