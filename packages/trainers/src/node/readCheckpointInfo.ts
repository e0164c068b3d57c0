import type { CheckpointInfo } from '../trainer.js';
import { readManifest } from '../internal/fileCheckpointStore.js';

/**
 * Reads what a checkpoint directory written by `trainer.save('file://…')`
 * holds — the trainer type, the step, when it was saved and its metadata
 * (e.g. `bestCheckpoint`'s `monitor`) — from its manifest, without loading
 * any tensors or building a trainer. Like `load`, it reads `<dir>.previous`
 * when a save died between its renames.
 *
 * @param url - A `file://` URL or a path of a checkpoint directory.
 * @returns the checkpoint's `{ trainer, step, savedAt, metadata }`, as `save` and `load` return it.
 * @throws naming the file if the directory holds no manifest, or one that is not valid JSON or not a gankit checkpoint.
 *
 * @example
 * ```ts
 * import { readCheckpointInfo } from '@gankit/trainers';
 * const { step, metadata } = await readCheckpointInfo('file://runs/grid/best');
 * console.log(`best at step ${step}:`, metadata.monitor);
 * ```
 */
export async function readCheckpointInfo(url: string): Promise<CheckpointInfo> {
  if (typeof url !== 'string' || url === '') throw new TypeError(`readCheckpointInfo: 'url' must be a file:// URL or a path of a checkpoint directory, got ${String(url)}`);
  const { manifest } = await readManifest(url);
  return { trainer: manifest.trainer, step: manifest.step, savedAt: manifest.savedAt, metadata: manifest.metadata };
}
