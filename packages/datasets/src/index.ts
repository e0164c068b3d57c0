/**
 * @packageDocumentation
 * Data for gankit, in the browser and in Node: the 2-D mixtures of the
 * mode-collapse benchmark, an IDX parser, MNIST-M-style digits, seeded
 * shuffled batching, image resizing and image grids drawn to a canvas.
 * The Node entry adds the file readers: MNIST, any IDX pair, image folders,
 * unpaired digit domains, and grid PNG files.
 */
export type { Examples } from './examples.js';
export type { PixelRange } from './pixelRange.js';
export { PIXEL_RANGES } from './pixelRange.js';
export { toOneHot } from './toOneHot.js';

export type { ToyDistribution2D, GaussianMixture2D } from './toy/toyDistribution2D.js';
export { gaussianMixture2D } from './toy/gaussianMixture2D.js';
export { ringOfGaussians } from './toy/ringOfGaussians.js';
export type { RingOfGaussiansOptions } from './toy/ringOfGaussians.js';
export { gridOfGaussians } from './toy/gridOfGaussians.js';
export type { GridOfGaussiansOptions } from './toy/gridOfGaussians.js';
export { spiral } from './toy/spiral.js';
export type { SpiralOptions } from './toy/spiral.js';
export { twoMoons } from './toy/twoMoons.js';
export type { TwoMoonsOptions } from './toy/twoMoons.js';

export { parseIdx } from './idx/parseIdx.js';
export type { IdxArray, IdxDtype } from './idx/parseIdx.js';
export { idxToExamples } from './idx/idxToExamples.js';
export type { IdxImageOptions } from './idx/idxToExamples.js';

export { mnistMStyle } from './domains/mnistMStyle.js';
export type { MnistMStyleOptions } from './domains/mnistMStyle.js';

export { Dataset } from './batching/dataset.js';
export { BatchIterator } from './batching/batchIterator.js';
export type { BatchOptions, LabelFormat } from './batching/batchIterator.js';
export type { Batch, BatchPosition } from './batching/batch.js';

export { resizeImage } from './images/resizeImage.js';
export { imageGrid } from './images/imageGrid.js';
export type { ImageBatch, ImageGridOptions, RgbaImage } from './images/imageGrid.js';
export { drawImageGrid } from './images/drawImageGrid.js';
