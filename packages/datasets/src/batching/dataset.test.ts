import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Examples } from '../examples.js';
import { Dataset } from './dataset.js';
import type { Batch } from './batch.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

/** `count` 2-D examples whose values are their own index; label = index mod 3. */
function indexed(count: number, labelled = true): Examples {
  const x = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) x[2 * i] = x[2 * i + 1] = i;
  const labels = labelled ? Int32Array.from({ length: count }, (_, i) => i % 3) : undefined;
  return { x, shape: [2], count, labels, numClasses: labelled ? 3 : undefined };
}

/** The example indices in a batch (read from xs), disposing it. */
function indicesOf(batch: Batch): number[] {
  const values = batch.xs.dataSync();
  tf.dispose(batch);
  return Array.from({ length: values.length / 2 }, (_, i) => values[2 * i]!);
}

function epochOrders(ds: Dataset, epochs: number, seed = 0): number[][] {
  const orders: number[][] = Array.from({ length: epochs }, () => []);
  for (const batch of ds.batches({ batchSize: 7, seed, epochs })) orders[batch.epoch]!.push(...indicesOf(batch));
  return orders;
}

describe('Dataset.batches', () => {
  it('yields every example exactly once per epoch', () => {
    for (const order of epochOrders(new Dataset(indexed(50)), 3)) {
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
  });

  it('shuffles each epoch differently', () => {
    const [first, second] = epochOrders(new Dataset(indexed(50)), 2);
    expect(first).not.toEqual(second);
    expect(first).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('repeats the same order for the same seed, and another for another seed', () => {
    const ds = new Dataset(indexed(50));
    expect(epochOrders(ds, 2, 11)).toEqual(epochOrders(ds, 2, 11));
    expect(epochOrders(ds, 1, 11)).not.toEqual(epochOrders(ds, 1, 12));
  });

  it('keeps the stored order with shuffle: false', () => {
    const order = [...new Dataset(indexed(10)).batches({ batchSize: 4, shuffle: false })].flatMap(indicesOf);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('carries each example’s label alongside it', () => {
    for (const batch of new Dataset(indexed(40)).batches({ batchSize: 8, seed: 3 })) {
      const labels = Array.from(batch.labels!.dataSync());
      expect(batch.labels!.dtype).toBe('int32');
      expect(labels).toEqual(indicesOf(batch).map((i) => i % 3));
    }
  });

  it('gives one-hot labels [B, numClasses] on request', () => {
    const batch = new Dataset(indexed(9)).batches({ batchSize: 4, shuffle: false, labels: 'oneHot' }).next().value!;
    expect(batch.labels!.shape).toEqual([4, 3]);
    expect(batch.labels!.arraySync()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    tf.dispose(batch);
  });

  it('keeps a smaller last batch by default and drops it with dropRemainder', () => {
    const ds = new Dataset(indexed(10));
    const sizes = (dropRemainder: boolean): number[] =>
      [...ds.batches({ batchSize: 4, dropRemainder })].map((b) => {
        tf.dispose(b);
        return b.xs.shape[0]!;
      });
    expect(sizes(false)).toEqual([4, 4, 2]);
    expect(sizes(true)).toEqual([4, 4]);
    expect([ds.batchesPerEpoch(4), ds.batchesPerEpoch(4, true)]).toEqual([3, 2]);
  });

  it('iterates endlessly with epochs: Infinity, counting epochs and steps', () => {
    const it = new Dataset(indexed(10)).batches({ batchSize: 4, dropRemainder: true, epochs: Infinity });
    let last: Batch | undefined;
    for (let i = 0; i < 25; i++) {
      last = it.next().value!;
      tf.dispose(last);
    }
    expect([last!.epoch, last!.index, last!.step]).toEqual([12, 0, 24]);
    expect(it.position).toEqual({ epoch: 12, batch: 1 });
  });

  it('resumes from a saved position with exactly the batches that would have followed', () => {
    const ds = new Dataset(indexed(30));
    const options = { batchSize: 4, seed: 5, epochs: Infinity, dropRemainder: true } as const;
    const straight = ds.batches(options);
    for (let i = 0; i < 10; i++) tf.dispose(straight.next().value!);
    const resumed = ds.batches({ ...options, start: straight.position });
    for (let i = 0; i < 12; i++) expect(indicesOf(resumed.next().value!)).toEqual(indicesOf(straight.next().value!));
  });

  it('leaves tf.memory().numTensors flat over 1,000 batches disposed by the consumer', () => {
    const images: Examples = { x: new Float32Array(300 * 784).fill(0.5), shape: [28, 28, 1], count: 300, labels: new Int32Array(300), numClasses: 10 };
    const it = new Dataset(images).batches({ batchSize: 64, epochs: Infinity, labels: 'oneHot' });
    const before = tf.memory().numTensors;
    const during: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const batch = it.next().value!;
      if (i % 250 === 0) during.push(tf.memory().numTensors - before);
      tf.dispose(batch);
    }
    expect(during).toEqual([2, 2, 2, 2]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('feeds tf.data (toTfData) with the same batches as {xs, ys}', async () => {
    const ds = new Dataset(indexed(20));
    const options = { batchSize: 6, seed: 9 };
    const expected = [...ds.batches(options)].map(indicesOf);
    const got: number[][] = [];
    await ds.toTfData(options).forEachAsync((element) => {
      const { xs, ys } = element as { xs: tf.Tensor; ys: tf.Tensor };
      const values = xs.dataSync();
      got.push(Array.from({ length: values.length / 2 }, (_, i) => values[2 * i]!));
      expect(ys.shape).toEqual([values.length / 2]);
      tf.dispose([xs, ys]);
    });
    expect(got).toEqual(expected);
  });
});

describe('Dataset argument checks (before any tensor is made)', () => {
  const ds = new Dataset(indexed(10));
  const cases: Array<[string, unknown, RegExp]> = [
    ['batch size 0', { batchSize: 0 }, /Dataset\.batches: 'batchSize' must be an integer ≥ 1, got 0/],
    ['a negative batch size', { batchSize: -4 }, /'batchSize' must be an integer ≥ 1, got -4/],
    ['a fractional batch size', { batchSize: 2.5 }, /'batchSize' must be an integer ≥ 1, got 2\.5/],
    ['no options', undefined, /options with 'batchSize' \(an integer ≥ 1\) are required/],
    ['an unknown option', { batchSize: 2, shuffleBuffer: 100 }, /unknown option 'shuffleBuffer'; allowed options are 'batchSize', 'shuffle', 'seed', 'dropRemainder', 'epochs', 'labels', 'start'/],
    ['an unknown label format', { batchSize: 2, labels: 'onehot' }, /'labels' must be one of 'int32', 'oneHot', 'none', got 'onehot'/],
    ['zero epochs', { batchSize: 2, epochs: 0 }, /'epochs' must be an integer ≥ 1, got 0/],
    ['a non-integer seed', { batchSize: 2, seed: 0.5 }, /'seed' must be an integer, got 0\.5/],
    ['a start past the epoch', { batchSize: 2, start: { epoch: 0, batch: 5 } }, /'start\.batch' must be below the 5 batches of an epoch, got 5/],
    ['a batch larger than the data with dropRemainder', { batchSize: 11, dropRemainder: true }, /'batchSize' 11 is larger than the 10 examples/],
  ];
  for (const [what, options, message] of cases) {
    it(`rejects ${what}`, () => {
      const before = tf.memory().numTensors;
      expect(() => ds.batches(options as never)).toThrow(message);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('rejects labels on unlabelled data, naming the only allowed value', () => {
    expect(() => new Dataset(indexed(4, false)).batches({ batchSize: 2, labels: 'int32' })).toThrow(/'labels' must be one of 'none', got 'int32'/);
  });

  it('rejects examples whose x does not match count × shape', () => {
    expect(() => new Dataset({ x: new Float32Array(5), shape: [2], count: 3 })).toThrow(/Dataset: 'x' has 5 values, but count 3 × shape \[2\] needs 6/);
  });

  it('rejects a label outside 0…numClasses−1', () => {
    expect(() => new Dataset({ ...indexed(3), labels: Int32Array.of(0, 1, 3) })).toThrow(/Dataset: label 3 at index 2 is outside 0…2/);
  });
});
