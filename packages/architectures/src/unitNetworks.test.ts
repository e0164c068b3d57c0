import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose, useBackend } from '@gankit/test-utils';
import { unitNetworks } from './index.js';
import type { UnitNetworksOptions } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

const DIGITS: UnitNetworksOptions = { imageSize: 16, channelsA: 1, channelsB: 3, filters: 4, residualBlocks: 1, sharedBlocks: 1, seed: 1 };

/** The variables of the layers both models contain. */
function sharedVariables(a: tf.LayersModel, b: tf.LayersModel): { a: tf.LayerVariable[]; b: tf.LayerVariable[] } {
  const common = a.layers.filter((l) => b.layers.includes(l));
  return { a: common.flatMap((l) => l.weights), b: b.layers.filter((l) => common.includes(l)).flatMap((l) => l.weights) };
}

describe('unitNetworks', () => {
  it.each([
    [28, 1, 3],
    [32, 1, 3],
    [64, 3, 3],
  ])('builds encoders and decoders for %i px images, %i and %i channels', (imageSize, channelsA, channelsB) => {
    const n = unitNetworks({ ...DIGITS, imageSize, channelsA, channelsB });
    const latent = [null, imageSize / 4, imageSize / 4, 16];
    expect(n.encoderA.inputs[0]!.shape).toEqual([null, imageSize, imageSize, channelsA]);
    expect(n.encoderB.inputs[0]!.shape).toEqual([null, imageSize, imageSize, channelsB]);
    expect(outputShapes(n.encoderA)).toEqual([latent]);
    expect(outputShapes(n.encoderB)).toEqual([latent]);
    expect(n.decoderA.inputs[0]!.shape).toEqual(latent);
    expect(outputShapes(n.decoderA)).toEqual([[null, imageSize, imageSize, channelsA]]);
    expect(outputShapes(n.decoderB)).toEqual([[null, imageSize, imageSize, channelsB]]);
  });

  it('makes the encoders’ last blocks and the decoders’ first blocks the same layer objects', () => {
    const n = unitNetworks({ ...DIGITS, residualBlocks: 2, sharedBlocks: 1 });
    const shared = n.sharedLayers;
    expect(shared.length).toBeGreaterThan(0);
    const encoderShared = n.encoderA.layers.filter((l) => n.encoderB.layers.includes(l));
    const decoderShared = n.decoderA.layers.filter((l) => n.decoderB.layers.includes(l));
    expect(new Set([...encoderShared, ...decoderShared])).toEqual(new Set(shared));
    // In the encoders every shared layer comes after every private conv; in the decoders, before.
    const convIndices = (m: tf.LayersModel, shared: boolean): number[] =>
      m.layers.flatMap((l, i) => (l.getClassName() === 'Conv2D' && n.sharedLayers.includes(l) === shared ? [i] : []));
    expect(Math.min(...convIndices(n.encoderA, true))).toBeGreaterThan(Math.max(...convIndices(n.encoderA, false)));
    expect(Math.max(...convIndices(n.decoderB, true))).toBeLessThan(Math.min(...convIndices(n.decoderB, false)));
    // Each shared block: two convs, two instance norms, two paddings, an activation and an add.
    expect(encoderShared.filter((l) => l.getClassName() === 'Conv2D')).toHaveLength(2);
    expect(decoderShared.filter((l) => l.getClassName() === 'Conv2D')).toHaveLength(2);
  });

  it('holds one set of variables for the shared layers: the same tf.Variable objects in both domains', () => {
    const n = unitNetworks(DIGITS);
    for (const [a, b] of [
      [n.encoderA, n.encoderB],
      [n.decoderA, n.decoderB],
    ] as const) {
      const vars = sharedVariables(a, b);
      expect(vars.a.length).toBe(4);
      vars.a.forEach((v, i) => {
        expect(v.read()).toBe(vars.b[i]!.read());
        expect(v.read().id).toBe(vars.b[i]!.read().id);
      });
      const idsA = new Set(a.weights.map((w) => w.read().id));
      const onlyB = b.weights.filter((w) => !idsA.has(w.read().id));
      expect(onlyB.length).toBe(b.weights.length - vars.b.length);
    }
  });

  it('a gradient step through domain A changes domain B’s shared weights and leaves its private ones', async () => {
    await useBackend('wasm');
    const n = unitNetworks(DIGITS);
    const beforeEncoderB = snapshot(n.encoderB);
    const beforeDecoderB = snapshot(n.decoderB);
    const x = uniform([2, 16, 16, 1], 1);
    const autoencoderA = { trainableWeights: [...n.encoderA.trainableWeights, ...n.decoderA.trainableWeights.filter((w) => !n.encoderA.trainableWeights.includes(w))] };
    sgdStep(autoencoderA as tf.LayersModel, () => tf.mean(tf.abs(tf.sub(n.decoderA.apply(n.encoderA.apply(x)) as tf.Tensor, x))) as tf.Scalar);
    const sharedNames = new Set(n.sharedLayers.flatMap((l) => l.trainableWeights.map((w) => w.name)));
    const changedB = [...changedWeights(n.encoderB, beforeEncoderB), ...changedWeights(n.decoderB, beforeDecoderB)];
    expect(new Set(changedB)).toEqual(sharedNames);
  });

  it('translates A → B by decoding A’s latent code with B’s decoder', () => {
    const n = unitNetworks(DIGITS);
    const mu = n.encoderA.predict(uniform([2, 16, 16, 1], 2)) as tf.Tensor;
    const asB = n.decoderB.predict(tf.add(mu, tf.randomNormal(mu.shape, 0, 1, 'float32', 3))) as tf.Tensor;
    expect(asB.shape).toEqual([2, 16, 16, 3]);
    expect(tf.max(tf.abs(asB)).dataSync()[0]!).toBeLessThanOrEqual(1);
  });

  it('has the documented parameter counts', () => {
    const n = unitNetworks();
    expect([n.encoderA, n.encoderB, n.decoderA, n.decoderB].map((m) => m.countParams())).toEqual([5_099_136, 5_099_136, 5_089_667, 5_089_667]);
    const distinct = new Set([n.encoderA, n.encoderB, n.decoderA, n.decoderB].flatMap((m) => m.weights.map((w) => w.read())));
    expect([...distinct].reduce((sum, v) => sum + v.size, 0)).toBe(18_017_286);
    const digits = unitNetworks({ imageSize: 32, channelsA: 1, channelsB: 3, filters: 32 });
    expect([digits.encoderA, digits.encoderB, digits.decoderA, digits.decoderB].map((m) => m.countParams())).toEqual([1_274_624, 1_277_760, 1_272_961, 1_273_027]);
  });

  it('saves each of the four models through file:// and loads them back with identical predictions', async () => {
    const n = unitNetworks(DIGITS);
    await expectSaveLoadRoundTrip(n.encoderA, uniform([2, 16, 16, 1], 4));
    await expectSaveLoadRoundTrip(n.encoderB, uniform([2, 16, 16, 3], 5));
    await expectSaveLoadRoundTrip(n.decoderA, uniform([2, 4, 4, 16], 6));
    await expectSaveLoadRoundTrip(n.decoderB, uniform([2, 4, 4, 16], 7));
  });

  it('restores saved weights into freshly built networks with the sharing intact', async () => {
    const trained = unitNetworks(DIGITS);
    const fresh = unitNetworks({ ...DIGITS, seed: 99 });
    const x = uniform([2, 16, 16, 1], 8);
    for (const name of ['encoderA', 'encoderB', 'decoderA', 'decoderB'] as const) {
      const dir = await mkdtemp(join(tmpdir(), 'gankit-unit-'));
      await trained[name].save(`file://${dir}`);
      const loaded = await tf.loadLayersModel(`file://${dir}/model.json`);
      fresh[name].setWeights(loaded.getWeights());
      await rm(dir, { recursive: true, force: true });
    }
    expectClose(fresh.decoderB.predict(fresh.encoderA.predict(x)) as tf.Tensor, trained.decoderB.predict(trained.encoderA.predict(x)) as tf.Tensor, { rtol: 1e-6, atol: 1e-7 });
    const shared = sharedVariables(fresh.encoderA, fresh.encoderB);
    shared.a.forEach((v, i) => expect(v.read()).toBe(shared.b[i]!.read()));
  });

  it('rejects an image size the downsamplings cannot halve exactly, before making weights', () => {
    expectRejectedBeforeWeights(() => unitNetworks({ imageSize: 20, downsamplings: 3 }), /unitNetworks: option 'imageSize' must be a positive multiple of 8, for 3 stride-2 layers.*; got 20/);
    expectRejectedBeforeWeights(() => unitNetworks({ channelsB: 0 }), /option 'channelsB' must be an integer ≥ 1/);
  });
});
