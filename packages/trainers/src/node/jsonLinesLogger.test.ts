import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { GanTrainer, jsonLinesLogger } from '../index.node.js';
import { gaussian1d, mlp, nonSaturating, stream, tinyGan } from '../testing/fixtures.js';

let dir: string;
beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-jsonl-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('jsonLinesLogger', () => {
  it('writes one JSON object per logged step and an end record', async () => {
    const file = path.join(dir, 'run', 'log.jsonl');
    await tinyGan().fit(stream(gaussian1d(0, 1), 8, 1), { steps: 4, callbacks: [jsonLinesLogger(file, { every: 2 })] });
    const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.step)).toEqual([2, 4, 4]);
    expect(records[0]).toMatchObject({ trainer: 'GanTrainer' });
    expect(typeof records[0].generatorLoss).toBe('number');
    expect(records[2]).toMatchObject({ event: 'end', stopReason: 'completed', steps: 4 });
  });

  it('appends across runs and writes NaN as "NaN"', async () => {
    const file = path.join(dir, 'nan.jsonl');
    const t = tinyGan();
    await t.fit(stream(gaussian1d(0, 1), 8, 1), { steps: 1, callbacks: [jsonLinesLogger(file)] });
    const bad = new GanTrainer({
      generator: mlp([2], [4], 1, 1),
      discriminator: mlp([1], [4], 1, 2),
      loss: { ...nonSaturating, generator: (f) => tf.mul(nonSaturating.generator(f), NaN) as tf.Scalar },
      seed: 1,
    });
    await bad.fit(stream(gaussian1d(0, 1), 8, 1), { steps: 1, callbacks: [jsonLinesLogger(file)] });
    const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(4);
    expect(records[2].generatorLoss).toBe('NaN');
  });
});
