import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEAT_RESOLUTION, MANIFOLD_SIDE, Session, VIEW_SAMPLES } from '../src/session.js';
import { DISTRIBUTIONS, LOSS_SETUPS, defaultSettings } from '../src/settings.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
});

const small = { generatorWidth: 16, generatorDepth: 2, discriminatorWidth: 16, discriminatorDepth: 2, batchSize: 32 } as const;

describe('a training session (Node, wasm)', () => {
  for (const loss of LOSS_SETUPS) {
    it(`trains ${loss} on every distribution with finite losses, reads the views with arrows and manifold, and frees every tensor it made`, async () => {
      for (const distribution of DISTRIBUTIONS) {
        const before = tf.memory().numTensors;
        const session = new Session({ ...defaultSettings(loss), ...small, distribution });
        const logs = await session.trainStep();
        await session.trainStep();
        expect(session.step).toBe(2);
        expect([logs.discriminatorLoss, logs.generatorLoss].every(Number.isFinite)).toBe(true);
        expect(logs.wassersteinEstimate !== undefined).toBe(loss === 'wgan' || loss === 'wgan-gp');
        const view = await session.view({ arrows: true, manifold: true });
        expect(view.fake.length).toBe(2 * VIEW_SAMPLES);
        expect(view.heat.length).toBe(HEAT_RESOLUTION ** 2);
        expect(view.arrows?.length).toBe(2 * VIEW_SAMPLES);
        expect(view.manifold?.length).toBe(loss === 'mixture-pacgan' ? undefined : 2 * MANIFOLD_SIDE ** 2);
        expect((await session.view()).arrows).toBeUndefined();
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

  it('points the generator-gradient arrows where D scores higher (non-saturating: L_G = −log σ(D))', async () => {
    const session = new Session({ ...defaultSettings('non-saturating'), ...small, distribution: 'ring' });
    for (let i = 0; i < 5; i++) await session.trainStep();
    const { fake, arrows } = await session.view({ arrows: true });
    const eps = 1e-3;
    const moved = fake.map((v, i) => v + (eps * arrows![i]!) / Math.max(1e-12, Math.hypot(arrows![i - (i % 2)]!, arrows![i - (i % 2) + 1]!)));
    const [before, after] = tf.tidy(() => [fake, moved].map((x) => (session.discriminator.predict(tf.tensor2d(x, [VIEW_SAMPLES, 2])) as tf.Tensor).dataSync()));
    let higher = 0;
    for (let i = 0; i < VIEW_SAMPLES; i++) if (after![i]! > before![i]!) higher++;
    expect(higher / VIEW_SAMPLES).toBeGreaterThan(0.99);
    session.dispose();
  });

  it('"D only" leaves G’s weights and its Adam state as they were; "G only" leaves D’s', async () => {
    const session = new Session({ ...defaultSettings('hinge'), ...small, distribution: 'ring' });
    await session.trainStep();
    const snapshot = async (): Promise<{ g: Float32Array[]; d: Float32Array[]; gOpt: Float32Array[]; dOpt: Float32Array[] }> => {
      const values = (ts: tf.Tensor[]): Float32Array[] => ts.map((t) => t.dataSync() as Float32Array).map((a) => a.slice());
      const opt = async (o: tf.Optimizer): Promise<Float32Array[]> => values((await o.getWeights()).map((w) => w.tensor));
      return {
        g: values(session.generator.trainableWeights.map((w) => w.read())),
        d: values(session.discriminator.trainableWeights.map((w) => w.read())),
        gOpt: await opt(session.trainer.generatorOptimizer),
        dOpt: await opt(session.trainer.discriminatorOptimizer),
      };
    };
    const a = await snapshot();
    session.focus.mode = 'discriminator';
    await session.trainStep();
    const b = await snapshot();
    expect(b.g).toEqual(a.g);
    expect(b.gOpt).toEqual(a.gOpt);
    expect(b.d).not.toEqual(a.d);
    expect(b.dOpt).not.toEqual(a.dOpt);
    session.focus.mode = 'generator';
    await session.trainStep();
    const c = await snapshot();
    expect(c.d).toEqual(b.d);
    expect(c.dOpt).toEqual(b.dOpt);
    expect(c.g).not.toEqual(b.g);
    expect(session.step).toBe(3);
    session.dispose();
  });
});
