import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { NonFiniteLossError, checkpointCallback, nanGuard } from '../index.node.js';
import type { AdversarialLoss, CheckpointInfo } from '../index.node.js';
import { gaussian1d, nonSaturating, stream, tinyGan } from '../testing/fixtures.js';

let dir: string;
beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-ckpt-cb-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The non-saturating loss, except that the generator loss is NaN from step `badStep` on. */
function turnsNaN(badStep: number): AdversarialLoss {
  let calls = 0;
  return {
    ...nonSaturating,
    generator: (fake) => {
      calls++;
      const loss = nonSaturating.generator(fake);
      return calls >= badStep ? (tf.mul(loss, NaN) as tf.Scalar) : loss;
    },
  };
}


describe('checkpointCallback', () => {
  it('saves every n steps and at the end', async () => {
    const saved: number[] = [];
    const target = `file://${path.join(dir, 'periodic')}`;
    await tinyGan(nonSaturating).fit(stream(gaussian1d(0, 1), 8, 1), {
      steps: 5,
      callbacks: [checkpointCallback({ destination: target, every: 2, onSave: (i: CheckpointInfo) => void saved.push(i.step) })],
    });
    expect(saved).toEqual([2, 4, 5]);
    expect(JSON.parse(readFileSync(path.join(dir, 'periodic', 'checkpoint.json'), 'utf8')).step).toBe(5);
  });

  it('stores the metadata it is given with each checkpoint', async () => {
    const target = `file://${path.join(dir, 'with-metadata')}`;
    const t = tinyGan(nonSaturating);
    await t.fit(stream(gaussian1d(0, 1), 8, 1), { steps: 2, callbacks: [checkpointCallback({ destination: target, every: 1, metadata: (step) => ({ position: { epoch: 0, batch: step } }) })] });
    await expect(tinyGan(nonSaturating).load(target)).resolves.toMatchObject({ step: 2, metadata: { position: { epoch: 0, batch: 2 } } });
  });

  it('saves to a destination computed from the step', async () => {
    await tinyGan(nonSaturating).fit(stream(gaussian1d(0, 1), 8, 1), {
      steps: 2,
      callbacks: [checkpointCallback({ destination: (step) => `file://${path.join(dir, `step-${step}`)}`, every: 1, atEnd: false })],
    });
    expect(JSON.parse(readFileSync(path.join(dir, 'step-2', 'checkpoint.json'), 'utf8')).step).toBe(2);
  });
});

describe('nanGuard', () => {
  it('stops training naming the loss and the step; the last good checkpoint stays intact', async () => {
    const target = path.join(dir, 'guarded');
    const t = tinyGan(turnsNaN(4));
    const error = await t
      .fit(stream(gaussian1d(0, 1), 8, 1), { steps: 10, callbacks: [checkpointCallback({ destination: `file://${target}`, every: 1 }), nanGuard()] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteLossError);
    expect((error as Error).message).toBe("training stopped: 'generatorLoss' became NaN at step 4");
    expect(error).toMatchObject({ loss: 'generatorLoss', step: 4 });
    expect(JSON.parse(readFileSync(path.join(target, 'checkpoint.json'), 'utf8')).step).toBe(3);
    const resumed = tinyGan(nonSaturating);
    await resumed.load(`file://${target}`);
    for (const w of resumed.generator.weights) expect(tf.all(tf.isFinite(w.read())).dataSync()[0]).toBe(1);
  });

  it('lets finite steps through', async () => {
    await expect(tinyGan(nonSaturating).fit(stream(gaussian1d(0, 1), 8, 1), { steps: 3, callbacks: [nanGuard()] })).resolves.toMatchObject({ stopReason: 'completed' });
  });
});
