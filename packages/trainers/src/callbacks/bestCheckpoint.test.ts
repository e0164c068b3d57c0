import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { bestCheckpoint } from '../index.node.js';
import type { BestCheckpointEvent, GanTrainer } from '../index.node.js';
import { gaussian1d, stream, tinyGan } from '../testing/fixtures.js';

let dir: string;
beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-best-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = (name: string) => JSON.parse(readFileSync(path.join(dir, name, 'checkpoint.json'), 'utf8')) as { step: number; metadata: { monitor: unknown } };
const generatorWeights = (t: GanTrainer): Float32Array[] => t.generator.weights.map((w) => w.read().dataSync() as Float32Array);

describe('bestCheckpoint', () => {
  it('saves only when the metric improves, and the saved weights are those of the best step', async () => {
    const values = [1, 3, 2, 5, 4, 5];
    const improved: BestCheckpointEvent[] = [];
    const measured: number[] = [];
    let bestWeights: Float32Array[] = [];
    const t = tinyGan();
    await t.fit(stream(gaussian1d(0, 1), 8, 1), {
      steps: 6,
      callbacks: [
        bestCheckpoint({
          destination: `file://${path.join(dir, 'max')}`,
          name: 'score',
          every: 1,
          monitor: ({ trainer: tr }) => values[tr.stepCount - 1]!,
          onMeasure: (step) => void measured.push(step),
          onImprove: (e) => {
            improved.push(e);
            bestWeights = generatorWeights(t);
          },
        }),
      ],
    });
    expect(measured).toEqual([1, 2, 3, 4, 5, 6]);
    // 5 at step 6 ties step 4's 5: not an improvement.
    expect(improved.map((e) => [e.step, e.value, e.previous])).toEqual([[1, 1, undefined], [2, 3, 1], [4, 5, 3]]);
    expect(manifest('max')).toMatchObject({ step: 4, metadata: { monitor: { name: 'score', value: 5, mode: 'max' } } });
    const loaded = tinyGan();
    await expect(loaded.load(`file://${path.join(dir, 'max')}`)).resolves.toMatchObject({ step: 4 });
    const weights = generatorWeights(loaded);
    expect(weights.length).toBe(bestWeights.length);
    weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(bestWeights[i]!)));
    // The trainer went on past the best step: its last weights differ.
    expect(generatorWeights(t).some((w, i) => w.some((v, j) => v !== weights[i]![j]))).toBe(true);
  });

  it("with mode 'min' keeps the lowest value; a NaN metric is never an improvement", async () => {
    const values = [4, NaN, 2, 3];
    const improved: number[] = [];
    await tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), {
      steps: 4,
      callbacks: [bestCheckpoint({ destination: `file://${path.join(dir, 'min')}`, mode: 'min', every: 1, monitor: ({ trainer: tr }) => values[tr.stepCount - 1]!, onImprove: (e) => void improved.push(e.step) })],
    });
    expect(improved).toEqual([1, 3]);
    expect(manifest('min').step).toBe(3);
  });

  it('measures every n steps from startStep, once more at the end of a completed run, and respects a resumed best', async () => {
    const measured: number[] = [];
    const improved: number[] = [];
    await tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), {
      steps: 7,
      callbacks: [
        bestCheckpoint({
          destination: `file://${path.join(dir, 'resumed')}`,
          every: 2,
          startStep: 3,
          best: 10,
          monitor: ({ trainer: tr }) => tr.stepCount,
          onMeasure: (step) => void measured.push(step),
          onImprove: (e) => void improved.push(e.step),
        }),
      ],
    });
    expect(measured).toEqual([4, 6, 7]);
    expect(improved).toEqual([]);
    expect(existsSync(path.join(dir, 'resumed'))).toBe(false);
  });

  it('does not measure at the end of an aborted run', async () => {
    const controller = new AbortController();
    const measured: number[] = [];
    await tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), {
      steps: 10,
      signal: controller.signal,
      callbacks: [
        { onStepEnd: (logs) => void (logs.step === 3 && controller.abort()) },
        bestCheckpoint({ destination: `file://${path.join(dir, 'aborted')}`, every: 2, monitor: () => 1, onMeasure: (step) => void measured.push(step) }),
      ],
    });
    expect(measured).toEqual([2]);
  });

  it('names the option and what was expected', () => {
    const destination = `file://${path.join(dir, 'x')}`;
    const monitor = () => 0;
    expect(() => bestCheckpoint({ monitor } as never)).toThrow("bestCheckpoint: option 'destination' is required");
    expect(() => bestCheckpoint({ destination } as never)).toThrow(/option 'monitor' must be a function/);
    expect(() => bestCheckpoint({ destination, monitor, mode: 'maximum' as never })).toThrow(/option 'mode' must be 'max' or 'min', got maximum/);
    expect(() => bestCheckpoint({ destination, monitor, every: 0 })).toThrow(/option 'every' must be an integer ≥ 1, got 0/);
    expect(() => bestCheckpoint({ destination, monitor, startStep: -1 })).toThrow(/option 'startStep' must be an integer ≥ 0/);
    expect(() => bestCheckpoint({ destination, monitor, best: NaN })).toThrow(/option 'best' must be a number/);
  });

  it('fails the run, naming the callback, when monitor returns a non-number', async () => {
    const t = tinyGan();
    const error = await t
      .fit(stream(gaussian1d(0, 1), 8, 1), { steps: 2, callbacks: [bestCheckpoint({ destination: `file://${path.join(dir, 'bad')}`, every: 1, monitor: () => tf.scalar(1) as never })] })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/bestCheckpoint: 'monitor' must return a number, got object/);
  });
});
