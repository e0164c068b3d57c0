import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { useBackend } from '@gankit/test-utils';
import { conditionalMlpGenerator } from './index.js';
import { changedWeights, expectRejectedBeforeWeights, expectSaveLoadRoundTrip, labels, outputShapes, sgdStep, snapshot, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('conditionalMlpGenerator', () => {
  it('takes [z, label] to a sample, with the one-hot label concatenated to z', () => {
    const g = conditionalMlpGenerator();
    expect(g.inputs.map((i) => i.shape)).toEqual([
      [null, 2],
      [null, 1],
    ]);
    expect(outputShapes(g)).toEqual([[null, 2]]);
    const concat = g.layers.find((l) => l.getClassName() === 'Concatenate')!;
    expect((concat.output as tf.SymbolicTensor).shape).toEqual([null, 12]);
    expect(g.countParams()).toBe(35_046);
  });

  it('accepts int32 labels as well as float labels', () => {
    const g = conditionalMlpGenerator({ numClasses: 4, seed: 1 });
    const z = uniform([4, 2], 1);
    const a = g.predict([z, labels(4, 4)]) as tf.Tensor;
    const b = g.predict([z, tf.cast(labels(4, 4), 'int32')]) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
  });

  it('trains its learned label embedding on wasm (a gradient step changes it)', async () => {
    await useBackend('wasm');
    const g = conditionalMlpGenerator({ numClasses: 4, labelEncoding: 'embedding', embeddingDim: 3, hiddenUnits: [8], seed: 2 });
    const embedding = g.layers.find((l) => l.getClassName() === 'Embedding')!;
    const before = snapshot(embedding);
    sgdStep(g, () => tf.mean(tf.square(g.apply([uniform([8, 2], 2), labels(8, 4)]) as tf.Tensor)) as tf.Scalar);
    expect(changedWeights(embedding, before)).toHaveLength(1);
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    const g = conditionalMlpGenerator({ numClasses: 4, labelEncoding: 'embedding', hiddenUnits: [8] });
    await expectSaveLoadRoundTrip(g, [uniform([4, 2], 3), labels(4, 4)]);
  });

  it('rejects a zero embedding size, naming the option', () => {
    expectRejectedBeforeWeights(() => conditionalMlpGenerator({ labelEncoding: 'embedding', embeddingDim: 0 }), /option 'embeddingDim' must be an integer ≥ 1; got 0/);
  });
});
