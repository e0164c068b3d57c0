import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { acganDiscriminator, dcganClassifier } from './index.js';
import { expectRejectedBeforeWeights, expectSaveLoadRoundTrip, IMAGE_CASES, outputShapes, uniform, weightValues } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

/** 16 px = 4·2², so two convs, 4 and 8 filters. */
const SMALL = { imageSize: 16, channels: 1, filters: 4, numClasses: 3 } as const;

describe('dcganClassifier', () => {
  it.each(IMAGE_CASES)('takes %i px images with %i channels to class logits', (imageSize, channels) => {
    const f = dcganClassifier({ imageSize, channels, filters: 4, numClasses: 7 });
    expect(f.inputs.map((i) => i.shape)).toEqual([[null, imageSize, imageSize, channels]]);
    expect(outputShapes(f)).toEqual([[null, 7]]);
    expect(f.outputNames).toEqual(['class_logits']);
  });

  it('has the parameter count computed by hand for a small config, and the documented ones at 28 px', () => {
    const conv1 = 5 * 5 * 1 * 4 + 4;
    const conv2 = 5 * 5 * 4 * 8 + 8;
    const head = 4 * 4 * 8 * 3 + 3;
    expect(dcganClassifier(SMALL).countParams()).toBe(conv1 + conv2 + head);
    expect(dcganClassifier({ numClasses: 10 }).countParams()).toBe(269_322);
    expect(dcganClassifier({ numClasses: 10, filters: 32 }).countParams()).toBe(83_466);
  });

  it('has acganDiscriminator’s body with the same seed, is reproducible, and differs with another seed', () => {
    const convs = (m: tf.LayersModel): number[][] => m.layers.filter((l) => l.getClassName() === 'Conv2D').flatMap(weightValues);
    expect(convs(dcganClassifier({ ...SMALL, seed: 9 }))).toEqual(convs(acganDiscriminator({ ...SMALL, seed: 9 })));
    const a = weightValues(dcganClassifier({ ...SMALL, seed: 5 }));
    expect(weightValues(dcganClassifier({ ...SMALL, seed: 5 }))).toEqual(a);
    expect(weightValues(dcganClassifier({ ...SMALL, seed: 6 }))).not.toEqual(a);
  });

  it('learns to separate two classes with model.fit (bright vs dark images)', async () => {
    const f = dcganClassifier({ ...SMALL, numClasses: 2, seed: 3 });
    const x = tf.concat([tf.add(uniform([16, 16, 16, 1], 1), 0.5), tf.sub(uniform([16, 16, 16, 1], 2), 0.5)]);
    const y = tf.concat([tf.tile(tf.tensor2d([[1, 0]]), [16, 1]), tf.tile(tf.tensor2d([[0, 1]]), [16, 1])]);
    f.compile({ optimizer: tf.train.adam(1e-2), loss: (t: tf.Tensor, l: tf.Tensor) => tf.losses.softmaxCrossEntropy(t, l) });
    await f.fit(x, y, { epochs: 15, batchSize: 32, verbose: 0 });
    const predicted = tf.tidy(() => tf.argMax(f.predict(x) as tf.Tensor, 1).arraySync() as number[]);
    expect(predicted).toEqual([...new Array<number>(16).fill(0), ...new Array<number>(16).fill(1)]);
    tf.dispose([x, y]);
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await expectSaveLoadRoundTrip(dcganClassifier({ imageSize: 28, channels: 3, filters: 4, numClasses: 10 }), uniform([3, 28, 28, 3], 5));
  });

  it('rejects a missing numClasses and bad options, naming them, before making weights', () => {
    expectRejectedBeforeWeights(() => dcganClassifier({ filters: 4 } as never), /dcganClassifier: option 'numClasses' must be an integer ≥ 2 \(required\); got undefined/);
    expectRejectedBeforeWeights(() => dcganClassifier({ numClasses: 10, filters: 0 }), /dcganClassifier: option 'filters'/);
  });
});
