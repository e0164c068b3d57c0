import * as tf from '@tensorflow/tfjs';
import { existsSync, promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { MANIFEST_FILE, artifactsToEntry, checkManifest, disposeCheckpoint, entryToArtifacts } from './checkpointFormat.js';
import type { Checkpoint, CheckpointEntry, CheckpointManifest, CheckpointStore } from './checkpointFormat.js';

const SCHEME = 'file://';

async function writeFileSynced(file: string, data: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot fsync a directory; the renames are still atomic.
  }
}

function handlerFor(url: string, mode: 'save' | 'load'): tf.io.IOHandler {
  const handler = (mode === 'save' ? tf.io.getSaveHandlers(url) : tf.io.getLoadHandlers(url))[0];
  if (handler == null) {
    throw new Error(
      `checkpoint: no tfjs IOHandler can ${mode} '${url}'; register a file:// router first (await initBackend() from '@gankit/backend')`,
    );
  }
  return handler;
}

/** The absolute directory a `file://` URL (or a plain path) names. */
const directoryOf = (url: string): string => path.resolve(url.startsWith(SCHEME) ? url.slice(SCHEME.length) : url);

/**
 * Reads and checks the manifest of the checkpoint directory at `url` (a
 * `file://` URL or a path) without loading any tensors; `root` is where it was
 * found: the directory, or `<dir>.previous` when a save died between its renames.
 */
export async function readManifest(url: string): Promise<{ root: string; manifest: CheckpointManifest }> {
  const dir = directoryOf(url);
  const description = `'${url}'`;
  let root = dir;
  if (!existsSync(path.join(root, MANIFEST_FILE)) && existsSync(path.join(`${dir}.previous`, MANIFEST_FILE))) root = `${dir}.previous`;
  const manifestFile = path.join(root, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new Error(`checkpoint ${description}: ${manifestFile} does not exist`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
  } catch (err) {
    throw new Error(`checkpoint ${description}: ${manifestFile} is not valid JSON (${(err as Error).message})`);
  }
  return { root, manifest: checkManifest(parsed, description) };
}

/**
 * A checkpoint directory in Node: one sub-directory per model and optimizer
 * (`model.json` + `weights.bin`, written through the `file://` router, so each
 * model loads with `tf.loadLayersModel`), plus `checkpoint.json` for the rest.
 * Written atomically: everything goes to a temporary sibling directory that is
 * then swapped in by rename; a crash leaves the previous checkpoint intact (at
 * `<dir>` or, between the two renames, `<dir>.previous`, which load reads).
 */
export function fileCheckpointStore(url: string): CheckpointStore {
  const dir = directoryOf(url);
  const description = `'${url}'`;
  return {
    description,
    async save(checkpoint) {
      const previous = `${dir}.previous`;
      await fs.mkdir(path.dirname(dir), { recursive: true });
      if (existsSync(dir)) {
        if (!(await fs.stat(dir)).isDirectory()) throw new Error(`checkpoint ${description}: ${dir} exists and is not a directory`);
      } else if (existsSync(previous)) {
        await fs.rename(previous, dir); // an earlier save died between its renames
      }
      const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      await fs.mkdir(tmp, { recursive: true });
      try {
        for (const entry of checkpoint.entries) {
          const result = await handlerFor(`${SCHEME}${path.join(tmp, entry.name)}`, 'save').save!(await entryToArtifacts(entry));
          if (result.errors != null && result.errors.length > 0) throw new Error(result.errors.join('; '));
        }
        await writeFileSynced(path.join(tmp, MANIFEST_FILE), JSON.stringify(checkpoint.manifest, null, 1));
        await syncDir(tmp);
        if (existsSync(dir)) {
          await fs.rm(previous, { recursive: true, force: true });
          await fs.rename(dir, previous);
          await fs.rename(tmp, dir);
          await fs.rm(previous, { recursive: true, force: true });
        } else {
          await fs.rename(tmp, dir);
        }
        await syncDir(path.dirname(dir));
      } catch (err) {
        await fs.rm(tmp, { recursive: true, force: true });
        throw new Error(`checkpoint ${description}: saving failed, the previous checkpoint is untouched: ${(err as Error).message}`);
      }
    },
    async load() {
      const { root, manifest } = await readManifest(url);
      const entries: CheckpointEntry[] = [];
      const checkpoint: Checkpoint = { manifest, entries };
      try {
        for (const info of manifest.entries) {
          const artifacts = await handlerFor(`${SCHEME}${path.join(root, info.name, 'model.json')}`, 'load').load!();
          const entry = artifactsToEntry(info.name, info.kind, artifacts, description);
          entries.push(entry);
          if (entry.weights.length !== info.weights) {
            throw new Error(`checkpoint ${description}: '${info.name}' holds ${entry.weights.length} tensors, the manifest says ${info.weights}`);
          }
        }
      } catch (err) {
        disposeCheckpoint(checkpoint);
        throw err;
      }
      return checkpoint;
    },
  };
}

/** Claims `file://` URLs for checkpoint directories. */
export function fileCheckpointRouter(url: string): CheckpointStore | null {
  return typeof url === 'string' && url.startsWith(SCHEME) ? fileCheckpointStore(url) : null;
}
