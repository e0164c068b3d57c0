/**
 * Thrown by the {@link nanGuard} callback (and so by `fit`) when a logged
 * value — a loss, a penalty, a gradient norm — becomes NaN or ±Infinity. It
 * names the value and the step; checkpoints written before that step are
 * intact, since the checkpoint callback never saves a non-finite step.
 *
 * @example
 * ```ts
 * try {
 *   await trainer.fit(data, { steps: 10_000, callbacks: [nanGuard(), checkpointCallback({ destination, every: 500 })] });
 * } catch (err) {
 *   if (err instanceof NonFiniteLossError) await trainer.load(destination); // back to the last good state
 * }
 * ```
 */
export class NonFiniteLossError extends Error {
  /** The log entry that went bad, e.g. `'generatorLoss'`. */
  readonly loss: string;
  /** Its value: NaN, Infinity or -Infinity. */
  readonly value: number;
  /** The step whose logs held it (from 1). */
  readonly step: number;

  /**
   * @param loss - the name of the log entry.
   * @param value - its non-finite value.
   * @param step - the step.
   */
  constructor(loss: string, value: number, step: number) {
    super(`training stopped: '${loss}' became ${value} at step ${step}`);
    this.name = 'NonFiniteLossError';
    this.loss = loss;
    this.value = value;
    this.step = step;
  }
}
