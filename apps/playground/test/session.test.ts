import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { Session, VIEW_SAMPLES, HEAT_RESOLUTION } from '../src/session.js';
import { DISTRIBUTIONS, LOSS_SETUPS, defaultSettings } from '../src/settings.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
});

const small = { generatorWidth: 16, generatorDepth: 2, discriminatorWidth: 16, discriminatorDepth: 2, batchSize: 32 } as const;

describe('a training session (Node, wasm)', () => {
  for (const loss of LOSS_SETUPS) {
    it(`trains ${loss} on every distribution with finite losses, and frees every tensor it made`, async () => {
      for (const distribution of DISTRIBUTIONS) {
        const before = tf.memory().numTensors;
        const session = new Session({ ...defaultSettings(loss), ...small, distribution });
        const logs = await session.trainStep();
        await session.trainStep();
        expect(session.step).toBe(2);
        expect([logs.discriminatorLoss, logs.generatorLoss].every(Number.isFinite)).toBe(true);
        expect(logs.wassersteinEstimate !== undefined).toBe(loss === 'wgan' || loss === 'wgan-gp');
        const view = await session.view();
        expect(view.fake.length).toBe(2 * VIEW_SAMPLES);
        expect(view.heat.length).toBe(HEAT_RESOLUTION ** 2);
        expect(session.history.step).toEqual([1, 2]);
        session.dispose();
        expect(tf.memory().numTensors).toBe(before);
      }
    });
  }

  it('clips the WGAN critic to [−0.01, 0.01] and wraps the spectral-norm critic', async () => {
    const wgan = new Session({ ...defaultSettings('wgan'), ...small });
    await wgan.trainStep();
    const max = Math.max(...wgan.discriminator.trainableWeights.map((w) => tf.tidy(() => tf.max(tf.abs(w.read())).dataSync()[0]!)));
    expect(max).toBeLessThanOrEqual(0.01 + 1e-7);
    wgan.dispose();
    const sn = new Session({ ...defaultSettings('sn-hinge'), ...small });
    expect(sn.discriminator.layers.filter((l) => l.getClassName() === 'SpectralNormalization')).toHaveLength(3);
    sn.dispose();
  });

  it('is reproducible: the same settings give the same losses', async () => {
    const run = async (): Promise<number[]> => {
      const s = new Session({ ...defaultSettings('wgan-gp'), ...small });
      const out: number[] = [];
      for (let i = 0; i < 3; i++) out.push((await s.trainStep()).discriminatorLoss);
      s.dispose();
      return out;
    };
    expect(await run()).toEqual(await run());
  });
});
