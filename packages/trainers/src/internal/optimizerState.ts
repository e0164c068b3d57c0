import * as tf from '@tensorflow/tfjs';
import type { CheckpointEntry, JsonObject, NamedTensor } from './checkpointFormat.js';

/** The optimizer's class name, e.g. `'Adam'`. */
export function optimizerClass(optimizer: tf.Optimizer): string {
  return optimizer.getClassName();
}

/** Learning rate, betas, … as JSON. */
export function optimizerConfig(optimizer: tf.Optimizer): JsonObject {
  return JSON.parse(JSON.stringify(optimizer.getConfig())) as JsonObject;
}

/** A snapshot of the optimizer's slots (Adam moments, RMSprop accumulators, …) and iteration count. */
export async function optimizerEntry(name: string, optimizer: tf.Optimizer): Promise<CheckpointEntry> {
  let weights: NamedTensor[];
  try {
    weights = await optimizer.getWeights();
  } catch (err) {
    throw new Error(`checkpoint: cannot read the state of the ${optimizerClass(optimizer)} optimizer '${name}': ${(err as Error).message}`);
  }
  // weights[0] is a fresh 'iter' scalar; the rest are the optimizer's own variables.
  const snapshot = weights.map((w, i) => ({ name: w.name, tensor: i === 0 ? w.tensor : w.tensor.clone() }));
  return {
    name,
    kind: 'optimizer',
    topology: { gankitOptimizer: { className: optimizerClass(optimizer), config: optimizerConfig(optimizer) } },
    weights: snapshot,
  };
}

/** Checks that stored slots fit the variables (cyclically: slot k of variable i at 1 + k·n + i). */
export function optimizerEntryProblems(entry: CheckpointEntry, variables: tf.Variable[]): string[] {
  const slots = entry.weights.length - 1;
  const n = variables.length;
  if (slots < 0 || entry.weights[0]?.tensor.size !== 1) return [`${entry.name}: no iteration count`];
  if (slots === 0) return [];
  if (slots % n !== 0) return [`${entry.name}: ${slots} optimizer slots do not divide among ${n} variables`];
  const problems: string[] = [];
  for (let k = 0; k < slots; k++) {
    const v = variables[k % n]!;
    const stored = entry.weights[1 + k]!.tensor;
    if (!tf.util.arraysEqual(stored.shape, v.shape)) {
      problems.push(`${entry.name}: slot ${k} is [${stored.shape.join(',')}] in the checkpoint, its variable is [${v.shape.join(',')}]`);
      break;
    }
  }
  return problems;
}

/** Replaces the optimizer's state with a stored one, disposing the slots it replaces. */
export async function restoreOptimizer(optimizer: tf.Optimizer, entry: CheckpointEntry): Promise<void> {
  const old = await optimizer.getWeights();
  await optimizer.setWeights(entry.weights.map((w) => ({ name: w.name, tensor: w.tensor })));
  tf.dispose(old.map((w) => w.tensor));
}
