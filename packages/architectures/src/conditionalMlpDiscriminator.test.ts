import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { expectClose, useBackend } from '@gankit/test-utils';
import { conditionalMlpDiscriminator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, labels, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('conditionalMlpDiscriminator', () => {
  it.each(['concat', 'projection'] as const)("takes [x, label] to one logit ('%s')", (conditioning) => {
    const d = conditionalMlpDiscriminator({ conditioning });
    expect(d.inputs.map((i) => i.shape)).toEqual([
      [null, 2],
      [null, 1],
    ]);
    expect(outputShapes(d)).toEqual([[null, 1]]);
  });

  it('has the documented parameter counts', () => {
    expect(conditionalMlpDiscriminator().countParams()).toBe(34_917);
    expect(conditionalMlpDiscriminator({ conditioning: 'projection' }).countParams()).toBe(34_817);
  });

  it('with projection, the label only shifts the logit by ⟨embed(y), φ(x)⟩', () => {
    const d = conditionalMlpDiscriminator({ numClasses: 2, conditioning: 'projection', hiddenUnits: [6], seed: 3 });
    const x = uniform([1, 2], 1);
    const dot = d.layers.find((l) => l.getClassName() === 'Dot')!;
    const phi = tf.model({ inputs: d.inputs[0]!, outputs: (dot.input as tf.SymbolicTensor[])[1]! }).predict(x) as tf.Tensor2D;
    const e = d.layers.find((l) => l.getClassName() === 'Embedding')!.getWeights()[0]! as tf.Tensor2D;
    const [l0, l1] = [0, 1].map((y) => (d.predict([x, tf.tensor2d([[y]])]) as tf.Tensor).dataSync()[0]!);
    const expected = tf.sum(tf.mul(tf.sub(e.slice([1, 0], [1, -1]), e.slice([0, 0], [1, -1])), phi));
    expectClose([l1! - l0!], expected, { rtol: 1e-4, atol: 1e-5 });
  });

  it('trains the projection embedding on wasm (a gradient step changes it)', async () => {
    await useBackend('wasm');
    const d = conditionalMlpDiscriminator({ numClasses: 4, conditioning: 'projection', hiddenUnits: [8], seed: 4 });
    const embedding = d.layers.find((l) => l.getClassName() === 'Embedding')!;
    const before = snapshot(embedding);
    sgdStep(d, () => tf.mean(tf.square(d.apply([uniform([8, 2], 4), labels(8, 4)]) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(embedding, before)).toHaveLength(1);
  });

  it.each(['concat', 'projection'] as const)("saves through file:// and loads back with identical predictions ('%s')", async (conditioning) => {
    const d = conditionalMlpDiscriminator({ numClasses: 4, conditioning, hiddenUnits: [8] });
    await expectSaveLoadRoundTrip(d, [uniform([4, 2], 5), labels(4, 4)]);
  });

  it('passes every dense layer through wrapLayer', () => {
    let calls = 0;
    conditionalMlpDiscriminator({
      conditioning: 'projection',
      wrapLayer: (layer) => {
        calls++;
        return layer;
      },
    });
    expect(calls).toBe(4);
  });

  it('rejects an unknown conditioning before making weights', () => {
    expectRejectedBeforeWeights(() => conditionalMlpDiscriminator({ conditioning: 'acgan' as never }), /option 'conditioning' must be one of 'concat', 'projection'; got 'acgan'/);
  });
});
