import type { Examples } from '../examples.js';
import { checkOptions } from '../internal/validate.js';
import { IDX_IMAGE_OPTIONS, idxToExamples } from './idxToExamples.js';
import type { IdxImageOptions } from './idxToExamples.js';
import { readIdxFile } from './readIdxFile.js';

/** The paths of an IDX image file and, optionally, its label file. */
export interface IdxFiles {
  /** The images: uint8, `[N, H, W]` or `[N, H, W, C]`. */
  images: string;
  /** The labels: integers, `[N]`. */
  labels?: string;
}

/**
 * Loads any IDX image/label file pair into {@link Examples} (Node only):
 * MNIST, Fashion-MNIST, KMNIST, EMNIST (pass `transpose: true`), plain or gzipped.
 *
 * @param files - the image file and the optional label file.
 * @param options - `range` (default `'[-1,1]'`), `channels`, `transpose`, `limit`, `numClasses`.
 * @returns float32 images NHWC with int32 labels.
 * @throws Error naming the file and the problem: missing, truncated, wrong magic number,
 *   or an image/label count mismatch (naming both files).
 *
 * @example
 * ```ts
 * const fashion = await loadIdxPair(
 *   { images: 'fashion/train-images-idx3-ubyte.gz', labels: 'fashion/train-labels-idx1-ubyte.gz' },
 *   { range: '[0,1]' },
 * );
 * ```
 */
export async function loadIdxPair(files: IdxFiles, options: IdxImageOptions = {}): Promise<Examples> {
  const fn = 'loadIdxPair';
  checkOptions(fn, files, ['images', 'labels']);
  if (typeof files?.images !== 'string' || (files.labels !== undefined && typeof files.labels !== 'string')) {
    throw new TypeError(`${fn}: 'files' must be { images: string, labels?: string }`);
  }
  checkOptions(fn, options, IDX_IMAGE_OPTIONS);
  const [images, labels] = await Promise.all([
    readIdxFile(files.images),
    files.labels === undefined ? undefined : readIdxFile(files.labels),
  ]);
  return idxToExamples(images, labels, options, { images: files.images, labels: files.labels });
}
