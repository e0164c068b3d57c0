/**
 * @packageDocumentation
 * Node entry of `@gankit/trainers`: everything in the browser entry, plus
 * `file://` checkpoint directories (registered on import, so
 * `trainer.save('file://dir')` writes a checkpoint directory atomically through
 * the tfjs `file://` router that `initBackend()` from `@gankit/backend` registers),
 * the {@link jsonLinesLogger} callback and {@link readCheckpointInfo}.
 */
import { registerCheckpointRouter } from './internal/checkpointFormat.js';
import { fileCheckpointRouter } from './internal/fileCheckpointStore.js';

registerCheckpointRouter(fileCheckpointRouter);

// The browser entry's public API, listed by name once, in index.ts (it also registers the gradient fixes).
export * from './index.js';

export { jsonLinesLogger } from './node/jsonLinesLogger.js';
export type { JsonLinesLoggerOptions } from './node/jsonLinesLogger.js';
export { readCheckpointInfo } from './node/readCheckpointInfo.js';
