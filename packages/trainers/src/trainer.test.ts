import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import type { StopReason, TrainerCallback, TrainingBatch } from './index.node.js';
import { gaussian1d, stream, tinyGan } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});


function finite(count: number): TrainingBatch[] {
  return Array.from({ length: count }, () => ({ x: tf.ones([4, 1]) }));
}

describe('fit', () => {
  it('runs the requested steps and returns every step’s logs', async () => {
    const result = await tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), { steps: 4 });
    expect(result.stopReason).toBe('completed');
    expect(result.steps).toBe(4);
    expect(result.history.map((l) => l.step)).toEqual([1, 2, 3, 4]);
  });

  it('disposes the batches it pulls', async () => {
    const batches = finite(3);
    await tinyGan().fit(batches, { steps: 3 });
    expect(batches.every((b) => (b as { x: tf.Tensor }).x.isDisposed)).toBe(true);
  });

  it("stops with 'exhausted' when the dataset ends", async () => {
    const result = await tinyGan().fit(finite(2), { steps: 10 });
    expect(result).toMatchObject({ stopReason: 'exhausted', steps: 2 });
  });

  it('accepts async iterables', async () => {
    async function* data(): AsyncGenerator<TrainingBatch> {
      for (let i = 0; i < 3; i++) yield { x: tf.ones([4, 1]) };
    }
    await expect(tinyGan().fit(data())).resolves.toMatchObject({ stopReason: 'exhausted', steps: 3 });
  });

  it("stops cleanly between steps when its AbortSignal aborts ('aborted')", async () => {
    const controller = new AbortController();
    const abortAt3: TrainerCallback = { onStepEnd: (l) => void (l.step === 3 && controller.abort()) };
    const ends: StopReason[] = [];
    const result = await tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), {
      steps: 100,
      signal: controller.signal,
      callbacks: [abortAt3, { onTrainEnd: (s) => void ends.push(s.stopReason) }],
    });
    expect(result).toMatchObject({ stopReason: 'aborted', steps: 3, step: 3 });
    expect(ends).toEqual(['aborted']);
  });

  it('yields to the event loop between steps', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let ticksDuringTraining = 0;
    await tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), { steps: 20, callbacks: [{ onTrainEnd: () => void (ticksDuringTraining = ticks) }] });
    clearInterval(timer);
    expect(ticksDuringTraining).toBeGreaterThan(0);
  });

  it('rejects with a callback’s error after every onTrainEnd has run', async () => {
    const ends: StopReason[] = [];
    const failing: TrainerCallback = { onStepEnd: (l) => { if (l.step === 2) throw new Error('boom'); } };
    await expect(tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), { steps: 5, callbacks: [failing, { onTrainEnd: (s) => void ends.push(s.stopReason) }] })).rejects.toThrow('boom');
    expect(ends).toEqual(['error']);
  });

  it("refuses a negative or fractional 'steps'", async () => {
    await expect(tinyGan().fit(finite(1), { steps: 1.5 })).rejects.toThrow(/option 'steps' must be a non-negative integer or Infinity/);
  });
});

describe('train', () => {
  it('yields each step’s logs and reports "returned" when the caller stops early', async () => {
    const ends: StopReason[] = [];
    const seen: number[] = [];
    for await (const logs of tinyGan().train(stream(gaussian1d(0, 1), 8, 1), { steps: 10, callbacks: [{ onTrainEnd: (s) => void ends.push(s.stopReason) }] })) {
      seen.push(logs.step);
      if (logs.step === 2) break;
    }
    expect(seen).toEqual([1, 2]);
    expect(ends).toEqual(['returned']);
  });
});

describe('step', () => {
  it('refuses to run while another step is running', async () => {
    const trainer = tinyGan();
    const x = tf.ones([4, 1]);
    const first = trainer.step({ x });
    await expect(trainer.step({ x })).rejects.toThrow(/another step is still running/);
    await first;
    x.dispose();
  });
});

describe('sample', () => {
  it('does not change the training run', async () => {
    const run = async (sampleBetween: boolean): Promise<number[]> => {
      const trainer = tinyGan();
      const callbacks: TrainerCallback[] = sampleBetween ? [{ onStepEnd: () => trainer.sample(4).dispose() }] : [];
      return (await trainer.fit(stream(gaussian1d(0, 1), 8, 1), { steps: 3, callbacks })).history.map((l) => l.generatorLoss);
    };
    expect(await run(true)).toEqual(await run(false));
  });

  it('is reproducible with a seed', () => {
    const trainer = tinyGan();
    const [a, b] = [trainer.sample(3, { seed: 9 }), trainer.sample(3, { seed: 9 })];
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b]);
  });
});
