import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { dcganDiscriminator, infoGanDiscriminator } from './index.js';
import {
  expectRejectedBeforeWeights,
  expectSaveLoadRoundTrip,
  IMAGE_CASES,
  outputShapes,
  predictAll,
  saveAndLoadInMemory,
  uniform,
  weightsReachedFrom,
  weightValues,
} from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

/** The small config the hand counts use: 16 px = 4·2² (two convs, 4 and 8 filters), two categorical codes, two continuous, Q hidden 5. */
const SMALL = { imageSize: 16, channels: 1, filters: 4, categorical: [3, 2], continuous: 2, qHiddenUnits: 5 };
const SMALL_NAMES = ['adversarial', 'code_0_logits', 'code_1_logits', 'continuous_mean'];

const weightNames = (layers: tf.layers.Layer[]): string[] => layers.flatMap((l) => l.trainableWeights.map((w) => w.name)).sort();
const ofClass = (m: tf.LayersModel, className: string): tf.layers.Layer[] => m.layers.filter((l) => l.getClassName() === className);

describe('infoGanDiscriminator', () => {
  it.each(IMAGE_CASES)("takes %i px images with %i channels to [adversarial, code logits, continuous means] (the paper's MNIST codes)", (imageSize, channels) => {
    const d = infoGanDiscriminator({ imageSize, channels, filters: 4, categorical: [10], continuous: 2 });
    expect(d.inputs.map((i) => i.shape)).toEqual([[null, imageSize, imageSize, channels]]);
    expect(outputShapes(d)).toEqual([
      [null, 1],
      [null, 10],
      [null, 2],
    ]);
  });

  it('orders its outputs adversarial, one logits output per categorical code in order, then the continuous means, with stable names', () => {
    const d = infoGanDiscriminator({ ...SMALL, categorical: [4, 2, 3] });
    expect(d.outputNames).toEqual(['adversarial', 'code_0_logits', 'code_1_logits', 'code_2_logits', 'continuous_mean']);
    expect(outputShapes(d)).toEqual([
      [null, 1],
      [null, 4],
      [null, 2],
      [null, 3],
      [null, 2],
    ]);
  });

  it('has no continuous output without continuous codes, and no logits output without categorical ones', () => {
    expect(infoGanDiscriminator({ ...SMALL, continuous: 0 }).outputNames).toEqual(['adversarial', 'code_0_logits', 'code_1_logits']);
    expect(infoGanDiscriminator({ ...SMALL, categorical: [] }).outputNames).toEqual(['adversarial', 'continuous_mean']);
    expect(infoGanDiscriminator({ filters: 4, continuous: 3 }).outputNames).toEqual(['adversarial', 'continuous_mean']);
  });

  it('predicts one [n, ·] tensor per output for a batch of n', () => {
    const outs = predictAll(infoGanDiscriminator(SMALL), uniform([5, 16, 16, 1], 1));
    expect(outs.map((t) => t.shape)).toEqual([
      [5, 1],
      [5, 3],
      [5, 2],
      [5, 2],
    ]);
  });

  it('has the parameter count computed by hand for a small config', () => {
    const conv1 = 5 * 5 * 1 * 4 + 4; // 104
    const conv2 = 5 * 5 * 4 * 8 + 8; // 808
    const features = 4 * 4 * 8; // 128
    const adversarial = features + 1; // 129
    const qHidden = features * 5; // 640: no bias before batch norm
    const qBatchNorm = 4 * 5; // 20: γ, β, moving mean, moving variance
    const codes = 5 * 3 + 3 + (5 * 2 + 2); // 30
    const continuousMean = 5 * 2 + 2; // 12
    const total = conv1 + conv2 + adversarial + qHidden + qBatchNorm + codes + continuousMean;
    expect(total).toBe(1743);
    expect(infoGanDiscriminator(SMALL).countParams()).toBe(total);
  });

  it("has the documented parameter count for the paper's MNIST codes at the defaults", () => {
    const d = infoGanDiscriminator({ categorical: [10], continuous: 2 });
    expect(d.countParams()).toBe(1_017_741);
    expect(d.countParams() - dcganDiscriminator().countParams()).toBe(6272 * 128 + 4 * 128 + (128 * 10 + 10) + (128 * 2 + 2));
  });

  it('gives Q a hidden dense (qHiddenUnits, no bias) → batch norm → leaky ReLU 0.2 on the shared features', () => {
    const d = infoGanDiscriminator({ ...SMALL, qHiddenUnits: 7 });
    const code = d.getLayer('code_0_logits');
    const lrelu = (code.input as tf.SymbolicTensor).sourceLayer;
    const norm = (lrelu.input as tf.SymbolicTensor).sourceLayer;
    const hidden = (norm.input as tf.SymbolicTensor).sourceLayer;
    expect([hidden, norm, lrelu].map((l) => l.getClassName())).toEqual(['Dense', 'BatchNormalization', 'LeakyReLU']);
    expect(hidden.getConfig()).toMatchObject({ units: 7, useBias: false });
    expect(lrelu.getConfig()).toMatchObject({ alpha: 0.2 });
    expect(hidden.input).toBe(d.getLayer('adversarial').input);
    expect(d.getLayer('continuous_mean').input).toBe(code.input);
  });

  it('is reproducible with a seed, and differs with another seed', () => {
    const a = weightValues(infoGanDiscriminator({ ...SMALL, seed: 5 }));
    expect(weightValues(infoGanDiscriminator({ ...SMALL, seed: 5 }))).toEqual(a);
    expect(weightValues(infoGanDiscriminator({ ...SMALL, seed: 6 }))).not.toEqual(a);
  });

  it('with the same seed, has the body and adversarial head dcganDiscriminator would build', () => {
    const dcgan = dcganDiscriminator({ imageSize: 16, filters: 4, seed: 9 });
    const info = infoGanDiscriminator({ ...SMALL, seed: 9 });
    const convs = (m: tf.LayersModel): number[][] => ofClass(m, 'Conv2D').flatMap(weightValues);
    expect(convs(info)).toEqual(convs(dcgan));
    expect(weightValues(info.getLayer('adversarial'))).toEqual(weightValues(dcgan.layers.at(-1)!));
  });

  it('with hiddenUnits, shares the hidden layer too: body, hidden layer and adversarial head as dcganDiscriminator builds them, Q on the hidden units', () => {
    const body = { imageSize: 16, filters: 4, normalization: 'batch', hiddenUnits: 12, kernelSize: 4, seed: 4 } as const;
    const dcgan = dcganDiscriminator(body);
    const info = infoGanDiscriminator({ ...SMALL, ...body });
    const kinds = info.layers.map((l) => l.getClassName());
    const flatten = kinds.indexOf('Flatten');
    expect(kinds.slice(flatten, flatten + 4)).toEqual(['Flatten', 'Dense', 'BatchNormalization', 'LeakyReLU']);
    const shared = (m: tf.LayersModel): number[][] => m.layers.slice(0, flatten + 4).flatMap(weightValues);
    expect(shared(info)).toEqual(shared(dcgan));
    expect(weightValues(info.getLayer('adversarial'))).toEqual(weightValues(dcgan.layers.at(-1)!));
    const qHidden = info.layers.filter((l) => l.getClassName() === 'Dense' && (l.getConfig()['units'] as number) === SMALL.qHiddenUnits);
    expect(qHidden.map((l) => l.getWeights()[0]!.shape)).toEqual([[12, SMALL.qHiddenUnits]]);
    expect(outputShapes(info)).toEqual([[null, 1], [null, 3], [null, 2], [null, 2]]);
  });

  it('shares the body: the network behind each output holds the same conv layers and weight objects', () => {
    const d = infoGanDiscriminator(SMALL);
    const nets = d.outputs.map((o) => tf.model({ inputs: d.inputs, outputs: o }));
    const [first, ...rest] = nets.map((m) => ofClass(m, 'Conv2D'));
    expect(first).toHaveLength(2);
    for (const convs of rest) {
      convs.forEach((layer, i) => {
        expect(layer).toBe(first![i]);
        layer.trainableWeights.forEach((w, j) => expect(w).toBe(first![i]!.trainableWeights[j]));
      });
    }
    // The code heads also share Q's hidden layer (the same Dense and BatchNormalization objects).
    const qLayers = (m: tf.LayersModel): tf.layers.Layer[] => [...ofClass(m, 'Dense').slice(0, 1), ...ofClass(m, 'BatchNormalization')];
    const [, code0, ...others] = nets;
    expect(qLayers(code0!)).toHaveLength(2);
    for (const net of others) qLayers(net).forEach((l, i) => expect(l).toBe(qLayers(code0!)[i]));
  });

  it.each(SMALL_NAMES.map((name, i) => [i, name] as const))('a loss on output %i (%s) reaches every body weight and its own head, no other head', (output, name) => {
    const d = infoGanDiscriminator({ ...SMALL, seed: 2 });
    const body = ofClass(d, 'Conv2D');
    const q = [...ofClass(d, 'Dense').filter((l) => !SMALL_NAMES.includes(l.name)), ...ofClass(d, 'BatchNormalization')];
    expect(q).toHaveLength(2);
    const reached = weightsReachedFrom(d, output, uniform([4, 16, 16, 1], 3));
    const own = name === 'adversarial' ? [d.getLayer(name)] : [...q, d.getLayer(name)];
    expect(reached).toEqual(weightNames([...body, ...own]));
  });

  it('passes the convs, the adversarial dense, the Q hidden dense and the code denses through wrapLayer, in that order', () => {
    const seen: string[] = [];
    infoGanDiscriminator({
      ...SMALL,
      wrapLayer: (layer) => {
        seen.push(`${layer.getClassName()}:${(layer.getConfig() as { units?: number }).units ?? ''}`);
        return layer;
      },
    });
    expect(seen).toEqual(['Conv2D:', 'Conv2D:', 'Dense:1', 'Dense:5', 'Dense:3', 'Dense:2', 'Dense:2']);
  });

  it.each(['none', 'batch', 'layer'] as const)("saves through file:// and loads back with identical predictions on every output (normalization '%s')", async (normalization) => {
    const d = infoGanDiscriminator({ imageSize: 32, channels: 3, filters: 4, categorical: [4, 3], continuous: 2, qHiddenUnits: 8, normalization });
    await expectSaveLoadRoundTrip(d, uniform([3, 32, 32, 3], 5));
  });

  it('keeps the output names and order through tf.io save and load', async () => {
    const loaded = await saveAndLoadInMemory(infoGanDiscriminator(SMALL));
    expect(loaded.outputNames).toEqual(SMALL_NAMES);
    expect(outputShapes(loaded)).toEqual([
      [null, 1],
      [null, 3],
      [null, 2],
      [null, 2],
    ]);
    loaded.dispose();
  });

  it('rejects options that give no code, naming both options, before making weights', () => {
    const noCode = /infoGanDiscriminator: options 'categorical' and 'continuous' give no latent code for Q to predict/;
    expectRejectedBeforeWeights(() => infoGanDiscriminator({}), noCode);
    expectRejectedBeforeWeights(() => infoGanDiscriminator({ categorical: [], continuous: 0 }), noCode);
    expectRejectedBeforeWeights(() => infoGanDiscriminator(undefined as never), noCode);
  });

  it('rejects a categorical code with fewer than 2 categories, or not an array, naming the option, before making weights', () => {
    expectRejectedBeforeWeights(
      () => infoGanDiscriminator({ categorical: [10, 1] }),
      /infoGanDiscriminator: option 'categorical' must be an array of integers ≥ 2 \(the categories of each categorical code\); got \[10, 1\]/,
    );
    expectRejectedBeforeWeights(() => infoGanDiscriminator({ categorical: 10 as never }), /option 'categorical' must be an array of integers ≥ 2.*; got 10/);
  });

  it('rejects a negative or fractional continuous and a qHiddenUnits below 1, naming the option, before making weights', () => {
    expectRejectedBeforeWeights(() => infoGanDiscriminator({ continuous: -1 }), /infoGanDiscriminator: option 'continuous' must be an integer ≥ 0; got -1/);
    expectRejectedBeforeWeights(() => infoGanDiscriminator({ continuous: 1.5 }), /option 'continuous' must be an integer ≥ 0; got 1.5/);
    expectRejectedBeforeWeights(() => infoGanDiscriminator({ continuous: 2, qHiddenUnits: 0 }), /infoGanDiscriminator: option 'qHiddenUnits' must be an integer ≥ 1; got 0/);
  });

  it('rejects a bad DCGAN option and an unknown option under its own name, before making weights', () => {
    expectRejectedBeforeWeights(
      () => infoGanDiscriminator({ continuous: 2, normalization: 'instance' as never }),
      /infoGanDiscriminator: option 'normalization' must be one of 'batch', 'layer', 'none'; got 'instance'/,
    );
    expectRejectedBeforeWeights(() => infoGanDiscriminator({ continuous: 2, channels: 0 }), /infoGanDiscriminator: option 'channels' must be an integer ≥ 1/);
    expectRejectedBeforeWeights(() => infoGanDiscriminator({ continuous: 2, numClasses: 10 } as never), /infoGanDiscriminator: unknown option 'numClasses'; known options are .*categorical, continuous, qHiddenUnits/);
  });
});
