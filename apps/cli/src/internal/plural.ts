/**
 * A count with its noun, singular for exactly one: `plural(1, 'step')` is
 * `'1 step'`, `plural(3, 'step')` is `'3 steps'` (and `0 steps`).
 *
 * @param count - How many.
 * @param singular - The noun for one.
 * @param pluralForm - The noun for any other count; default `singular + 's'`.
 * @returns `'<count> <noun>'`.
 * @example
 * ```ts
 * console.log(`done: ${plural(stepCount, 'step')}`); // "done: 1 step"
 * plural(2, 'training example'); // "2 training examples"
 * ```
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
