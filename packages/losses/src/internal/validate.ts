import * as tf from '@tensorflow/tfjs';

/** Throws unless `value` is a tf.Tensor, naming the argument. */
export function assertTensor(fn: string, name: string, value: unknown): asserts value is tf.Tensor {
  if (!(value instanceof tf.Tensor)) {
    throw new Error(`${fn}: '${name}' must be a tf.Tensor, got ${value === null ? 'null' : typeof value}`);
  }
  if (value.isDisposed) throw new Error(`${fn}: '${name}' has been disposed`);
}

/** Throws unless two tensors have exactly the same shape. */
export function assertSameShape(fn: string, aName: string, a: tf.Tensor, bName: string, b: tf.Tensor): void {
  if (!tf.util.arraysEqual(a.shape, b.shape)) {
    throw new Error(`${fn}: '${aName}' and '${bName}' must have the same shape, got [${a.shape}] and [${b.shape}]`);
  }
}

/** Throws unless two batches of per-sample outputs agree in everything but the batch size. */
export function assertSameSampleShape(fn: string, aName: string, a: tf.Tensor, bName: string, b: tf.Tensor): void {
  if (a.rank === 0 || b.rank === 0 || !tf.util.arraysEqual(a.shape.slice(1), b.shape.slice(1))) {
    throw new Error(
      `${fn}: '${aName}' and '${bName}' must be batches with the same per-sample shape, got [${a.shape}] and [${b.shape}]`,
    );
  }
}

/** Throws unless `value` is a finite number within the bounds, naming the option. */
export function assertNumber(
  fn: string,
  name: string,
  value: unknown,
  bounds: { min?: number; max?: number; exclusiveMin?: number; integer?: boolean } = {},
): asserts value is number {
  const describe = (): string => {
    const parts: string[] = [];
    if (bounds.exclusiveMin !== undefined) parts.push(`> ${bounds.exclusiveMin}`);
    if (bounds.min !== undefined) parts.push(`≥ ${bounds.min}`);
    if (bounds.max !== undefined) parts.push(`≤ ${bounds.max}`);
    return `a finite ${bounds.integer === true ? 'integer' : 'number'}${parts.length > 0 ? ` ${parts.join(' and ')}` : ''}`;
  };
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (bounds.integer !== true || Number.isInteger(value)) &&
    (bounds.min === undefined || value >= bounds.min) &&
    (bounds.max === undefined || value <= bounds.max) &&
    (bounds.exclusiveMin === undefined || value > bounds.exclusiveMin);
  if (!ok) throw new Error(`${fn}: '${name}' must be ${describe()}, got ${String(value)}`);
}

/** Throws unless `options` is undefined or a plain object with only the known keys. */
export function assertOptions(fn: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${fn}: 'options' must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new Error(`${fn}: unknown option '${key}'; expected one of ${known.join(', ')}`);
    }
  }
}
