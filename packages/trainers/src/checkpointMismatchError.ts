/**
 * Thrown by `trainer.load(…)` when a checkpoint was written by a different
 * trainer type or configuration (model shapes, latent size, optimizer types, …).
 * The message lists every difference; {@link CheckpointMismatchError.differences} has them one per entry.
 *
 * @example
 * ```ts
 * try {
 *   await trainer.load('file://runs/gan/checkpoint');
 * } catch (err) {
 *   if (err instanceof CheckpointMismatchError) console.error(err.differences.join('\n'));
 * }
 * ```
 */
export class CheckpointMismatchError extends Error {
  /** Each difference, as `path: checkpoint A, this trainer B`. */
  readonly differences: readonly string[];

  /**
   * @param where - the checkpoint's location, for the message.
   * @param differences - what differs.
   */
  constructor(where: string, differences: readonly string[]) {
    super(`checkpoint ${where} does not fit this trainer:\n  ${differences.join('\n  ')}`);
    this.name = 'CheckpointMismatchError';
    this.differences = differences;
  }
}
