import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { TrainerCallback } from '../trainerCallback.js';

/** Options of {@link jsonLinesLogger}. */
export interface JsonLinesLoggerOptions {
  /** Log every this many steps (default 1). */
  every?: number;
  /** Start a new file instead of appending (default false: append, so a resumed run continues its log). */
  truncate?: boolean;
}

function replacer(_key: string, value: unknown): unknown {
  // JSON has no NaN/Infinity; keep them readable instead of turning them into null.
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/**
 * Writes each step's logs as one JSON object per line (Node), with the
 * trainer type and the wall-clock time, plus a final `{"event":"end",…}` line.
 * NaN and ±Infinity are written as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
 *
 * @param file - the `.jsonl` file; its directory is created.
 * @param options - interval; append or truncate.
 * @returns the callback.
 *
 * @example
 * ```ts
 * await trainer.fit(data, { steps: 5000, callbacks: [jsonLinesLogger('runs/gan/log.jsonl', { every: 10 })] });
 * // jq -s 'map(select(.generatorLoss)) | .[-1]' runs/gan/log.jsonl
 * ```
 */
export function jsonLinesLogger(file: string, options: JsonLinesLoggerOptions = {}): TrainerCallback {
  const { every = 1, truncate = false } = options;
  if (typeof file !== 'string' || file.length === 0) throw new Error(`jsonLinesLogger: 'file' must be a path`);
  if (!Number.isInteger(every) || every < 1) throw new Error(`jsonLinesLogger: option 'every' must be an integer ≥ 1, got ${String(every)}`);
  let handle: fs.FileHandle | undefined;
  const write = async (record: Record<string, unknown>): Promise<void> => {
    await handle?.appendFile(`${JSON.stringify(record, replacer)}\n`);
  };
  return {
    async onTrainBegin() {
      await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
      handle = await fs.open(file, truncate ? 'w' : 'a');
    },
    async onStepEnd(logs, { trainer }) {
      if (logs.step % every === 0) await write({ trainer: trainer.trainerType, time: new Date().toISOString(), ...logs });
    },
    async onTrainEnd(summary, { trainer }) {
      try {
        const error = summary.error instanceof Error ? summary.error.message : summary.error === undefined ? undefined : String(summary.error);
        await write({ event: 'end', trainer: trainer.trainerType, time: new Date().toISOString(), stopReason: summary.stopReason, step: summary.step, steps: summary.steps, seconds: summary.seconds, ...(error ? { error } : {}) });
      } finally {
        await handle?.close();
        handle = undefined;
      }
    },
  };
}
