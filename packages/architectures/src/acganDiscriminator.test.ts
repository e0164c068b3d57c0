import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { acganDiscriminator, dcganDiscriminator } from './index.js';
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

/** The small config the hand counts use: 16 px = 4·2², so two convs, 4 and 8 filters. */
const SMALL = { imageSize: 16, channels: 1, filters: 4, numClasses: 3 } as const;

const weightNames = (layers: tf.layers.Layer[]): string[] => layers.flatMap((l) => l.trainableWeights.map((w) => w.name)).sort();

describe('acganDiscriminator', () => {
  it.each(IMAGE_CASES)('takes %i px images with %i channels (no label input) to a logit and class logits', (imageSize, channels) => {
    const d = acganDiscriminator({ imageSize, channels, filters: 4, numClasses: 7 });
    expect(d.inputs.map((i) => i.shape)).toEqual([[null, imageSize, imageSize, channels]]);
    expect(outputShapes(d)).toEqual([
      [null, 1],
      [null, 7],
    ]);
  });

  it("names its outputs 'adversarial' then 'class_logits'", () => {
    expect(acganDiscriminator(SMALL).outputNames).toEqual(['adversarial', 'class_logits']);
  });

  it('predicts [n, 1] and [n, numClasses] for a batch of n', () => {
    const [adversarial, classLogits] = predictAll(acganDiscriminator(SMALL), uniform([5, 16, 16, 1], 1));
    expect(adversarial!.shape).toEqual([5, 1]);
    expect(classLogits!.shape).toEqual([5, 3]);
  });

  it('has the parameter count computed by hand for a small config', () => {
    const conv1 = 5 * 5 * 1 * 4 + 4; // 104
    const conv2 = 5 * 5 * 4 * 8 + 8; // 808
    const features = 4 * 4 * 8; // 16 px halved twice, 8 channels: 128
    const adversarial = features * 1 + 1; // 129
    const classes = features * 3 + 3; // 387
    expect(acganDiscriminator(SMALL).countParams()).toBe(conv1 + conv2 + adversarial + classes);
    expect(conv1 + conv2 + adversarial + classes).toBe(1428);
  });

  it('has the documented parameter count at the defaults with 10 classes: dcganDiscriminator + 62,730', () => {
    expect(acganDiscriminator({ numClasses: 10 }).countParams()).toBe(275_595);
    expect(275_595 - dcganDiscriminator().countParams()).toBe(7 * 7 * 128 * 10 + 10);
  });

  it('is reproducible with a seed, and differs with another seed', () => {
    const a = weightValues(acganDiscriminator({ ...SMALL, seed: 5 }));
    expect(weightValues(acganDiscriminator({ ...SMALL, seed: 5 }))).toEqual(a);
    expect(weightValues(acganDiscriminator({ ...SMALL, seed: 6 }))).not.toEqual(a);
  });

  it('with the same seed, has the body and adversarial head dcganDiscriminator would build', () => {
    const { numClasses: _, ...dcganOptions } = SMALL;
    const dcgan = dcganDiscriminator({ ...dcganOptions, seed: 9 });
    const acgan = acganDiscriminator({ ...SMALL, seed: 9 });
    const convs = (m: tf.LayersModel): number[][] => m.layers.filter((l) => l.getClassName() === 'Conv2D').flatMap(weightValues);
    expect(convs(acgan)).toEqual(convs(dcgan));
    expect(weightValues(acgan.getLayer('adversarial'))).toEqual(weightValues(dcgan.layers.at(-1)!));
  });

  it('feeds both heads the same flattened features', () => {
    const d = acganDiscriminator(SMALL);
    const features = d.getLayer('adversarial').input as tf.SymbolicTensor;
    expect(d.getLayer('class_logits').input).toBe(features);
    expect(features.sourceLayer.getClassName()).toBe('Flatten');
  });

  it('shares the body: the network behind each output holds the same conv layers and weight objects', () => {
    const d = acganDiscriminator(SMALL);
    const [adversarialNet, classNet] = d.outputs.map((o) => tf.model({ inputs: d.inputs, outputs: o }));
    const convs = (m: tf.LayersModel): tf.layers.Layer[] => m.layers.filter((l) => l.getClassName() === 'Conv2D');
    expect(convs(adversarialNet!)).toHaveLength(2);
    convs(adversarialNet!).forEach((layer, i) => {
      const other = convs(classNet!)[i]!;
      expect(other).toBe(layer);
      other.trainableWeights.forEach((w, j) => expect(w).toBe(layer.trainableWeights[j]));
    });
  });

  it.each([
    [0, 'adversarial', 'class_logits'],
    [1, 'class_logits', 'adversarial'],
  ] as const)('a loss on output %i (%s) reaches every body weight and its own head, not the other head', (output, own, other) => {
    const d = acganDiscriminator({ ...SMALL, seed: 2 });
    const body = d.layers.filter((l) => l.getClassName() === 'Conv2D');
    const reached = weightsReachedFrom(d, output, uniform([4, 16, 16, 1], 3));
    expect(reached).toEqual(weightNames([...body, d.getLayer(own)]));
    expect(reached).not.toContain(d.getLayer(other).trainableWeights[0]!.name);
  });

  it('passes the convs, then the adversarial dense, then the class dense through wrapLayer', () => {
    const seen: string[] = [];
    acganDiscriminator({
      ...SMALL,
      wrapLayer: (layer) => {
        seen.push(`${layer.getClassName()}:${(layer.getConfig() as { units?: number }).units ?? ''}`);
        return layer;
      },
    });
    expect(seen).toEqual(['Conv2D:', 'Conv2D:', 'Dense:1', 'Dense:3']);
  });

  it.each(['none', 'batch', 'layer'] as const)("saves through file:// and loads back with identical predictions on both outputs (normalization '%s')", async (normalization) => {
    const d = acganDiscriminator({ imageSize: 32, channels: 3, filters: 4, numClasses: 5, normalization });
    await expectSaveLoadRoundTrip(d, uniform([3, 32, 32, 3], 5));
  });

  it('keeps the output names and order through tf.io save and load', async () => {
    const loaded = await saveAndLoadInMemory(acganDiscriminator(SMALL));
    expect(loaded.outputNames).toEqual(['adversarial', 'class_logits']);
    expect(outputShapes(loaded)).toEqual([
      [null, 1],
      [null, 3],
    ]);
    loaded.dispose();
  });

  it('rejects a missing numClasses, naming it, before making weights', () => {
    expectRejectedBeforeWeights(
      () => acganDiscriminator({ filters: 4 } as never),
      /acganDiscriminator: option 'numClasses' must be an integer ≥ 2 \(required\); got undefined/,
    );
    expectRejectedBeforeWeights(() => acganDiscriminator(undefined as never), /option 'numClasses' must be an integer ≥ 2 \(required\)/);
  });

  it('rejects numClasses below 2 or not an integer, before making weights', () => {
    expectRejectedBeforeWeights(() => acganDiscriminator({ numClasses: 1 }), /acganDiscriminator: option 'numClasses' must be an integer ≥ 2 \(required\); got 1/);
    expectRejectedBeforeWeights(() => acganDiscriminator({ numClasses: 2.5 }), /option 'numClasses' must be .*; got 2.5/);
  });

  it('rejects a bad DCGAN option and an unknown option under its own name, before making weights', () => {
    expectRejectedBeforeWeights(
      () => acganDiscriminator({ numClasses: 10, normalization: 'instance' as never }),
      /acganDiscriminator: option 'normalization' must be one of 'batch', 'layer', 'none'; got 'instance'/,
    );
    expectRejectedBeforeWeights(() => acganDiscriminator({ numClasses: 10, imageSize: 30 }), /acganDiscriminator: option 'imageSize'/);
    expectRejectedBeforeWeights(() => acganDiscriminator({ numClasses: 10, classes: 10 } as never), /acganDiscriminator: unknown option 'classes'; known options are .*numClasses/);
  });
});
