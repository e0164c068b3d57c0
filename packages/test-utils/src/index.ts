export { expectClose, relativeError, toFlat } from './expectClose.js';
export type { Numeric, Tolerance } from './expectClose.js';
export { mulberry32, seededUniform } from './seededRandom.js';
export { NODE_BACKENDS, useBackend, onBackend } from './backends.js';
export type { NodeBackend } from './backends.js';
export { finiteDifferenceGradient, finiteDifferenceDirectional } from './finiteDifferences.js';
