import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { expectClose, useBackend } from '@gankit/test-utils';
import { conditionalDcganDiscriminator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, labels, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('conditionalDcganDiscriminator', () => {
  it.each([
    [28, 1, 'concat'],
    [32, 3, 'concat'],
    [64, 3, 'concat'],
    [28, 1, 'projection'],
    [32, 3, 'projection'],
    [64, 3, 'projection'],
  ] as const)('takes [x, label] at %i px, %i channels, to one logit (%s)', (imageSize, channels, conditioning) => {
    const d = conditionalDcganDiscriminator({ imageSize, channels, filters: 4, conditioning });
    expect(d.inputs.map((i) => i.shape)).toEqual([
      [null, imageSize, imageSize, channels],
      [null, 1],
    ]);
    expect(outputShapes(d)).toEqual([[null, 1]]);
  });

  it('has the documented parameter counts (28 px)', () => {
    expect(conditionalDcganDiscriminator().countParams()).toBe(228_965);
    expect(conditionalDcganDiscriminator({ conditioning: 'projection' }).countParams()).toBe(275_585);
  });

  it('with concat, adds one label map per class to the image channels', () => {
    const d = conditionalDcganDiscriminator({ numClasses: 10, filters: 4 });
    const concat = d.layers.find((l) => l.getClassName() === 'Concatenate')!;
    expect((concat.output as tf.SymbolicTensor).shape).toEqual([null, 28, 28, 11]);
  });

  it('with projection, computes ψ(φ(x)) + ⟨embed(y), φ(x)⟩', () => {
    const d = conditionalDcganDiscriminator({ numClasses: 3, filters: 4, conditioning: 'projection', seed: 3 });
    const dot = d.layers.find((l) => l.getClassName() === 'Dot')!;
    const features = (dot.input as tf.SymbolicTensor[])[1]!;
    const phi = tf.model({ inputs: d.inputs[0]!, outputs: features }).predict(uniform([3, 28, 28, 1], 1)) as tf.Tensor2D;
    const embeddings = d.layers.find((l) => l.getClassName() === 'Embedding')!.getWeights()[0]! as tf.Tensor2D;
    const psi = d.layers.filter((l) => l.getClassName() === 'Dense').at(-1)!;
    const [kernel, bias] = psi.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const y = [0, 1, 2];
    const expected = tf.add(tf.add(tf.matMul(phi, kernel), bias), tf.sum(tf.mul(tf.gather(embeddings, y), phi), 1, true));
    const logits = d.predict([uniform([3, 28, 28, 1], 1), labels(3, 3)]) as tf.Tensor;
    expectClose(logits, expected, { rtol: 1e-4, atol: 1e-5 });
  });

  it('trains the projection embedding on wasm (a gradient step changes it)', async () => {
    await useBackend('wasm');
    const d = conditionalDcganDiscriminator({ numClasses: 3, filters: 4, conditioning: 'projection', seed: 4 });
    const embedding = d.layers.find((l) => l.getClassName() === 'Embedding')!;
    const before = snapshot(embedding);
    const all = snapshot(d);
    sgdStep(d, () => tf.mean(tf.square(d.apply([uniform([6, 28, 28, 1], 5), labels(6, 3)]) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(embedding, before)).toHaveLength(1);
    expect(changedWeights(d, all)).toEqual(d.trainableWeights.map((w) => w.name));
  });

  it('passes every dense and conv layer (not the embedding) through wrapLayer', () => {
    const seen: string[] = [];
    conditionalDcganDiscriminator({
      filters: 4,
      conditioning: 'projection',
      wrapLayer: (layer) => {
        seen.push(layer.getClassName());
        return layer;
      },
    });
    expect(seen).toEqual(['Conv2D', 'Conv2D', 'Dense']);
  });

  it.each(['concat', 'projection'] as const)("saves through file:// and loads back with identical predictions ('%s')", async (conditioning) => {
    const d = conditionalDcganDiscriminator({ imageSize: 32, channels: 3, numClasses: 4, filters: 4, conditioning, normalization: 'layer' });
    await expectSaveLoadRoundTrip(d, [uniform([4, 32, 32, 3], 6), labels(4, 4)]);
  });

  it('rejects an unknown conditioning, naming the allowed values, before making weights', () => {
    expectRejectedBeforeWeights(
      () => conditionalDcganDiscriminator({ conditioning: 'auxiliary' as never }),
      /conditionalDcganDiscriminator: option 'conditioning' must be one of 'concat', 'projection'; got 'auxiliary'/,
    );
  });
});
