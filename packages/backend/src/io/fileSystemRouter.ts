import * as tf from '@tensorflow/tfjs';
import { existsSync, promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';

const SCHEME = 'file://';
const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

/** Strips `file://` and resolves to an absolute path. */
function toPath(url: string): string {
  return path.resolve(url.startsWith(SCHEME) ? url.slice(SCHEME.length) : url);
}

async function writeFileSynced(file: string, data: string | Uint8Array): Promise<void> {
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

/**
 * A tfjs `IOHandler` that saves a model as `model.json` + `weights.bin` in a
 * directory and loads it back, as `tfjs-node`'s `file://` handler does, for
 * plain tfjs in Node.
 *
 * Saving is atomic: both files are written and fsynced in a temporary sibling
 * directory, then swapped in by rename. A crash before the swap leaves the old
 * model untouched; a crash between the two renames of the swap leaves the old
 * model at `<dir>.previous`, which the next save or load restores or reads.
 *
 * @example
 * ```ts
 * await model.save(new FileSystemHandler('runs/gan/generator'));
 * const same = await tf.loadLayersModel(new FileSystemHandler('runs/gan/generator/model.json'));
 * ```
 */
export class FileSystemHandler implements tf.io.IOHandler {
  /** For saving: the model directory. For loading: the model.json file (or its directory). */
  readonly path: string;

  /** @param url A `file://` URL or a plain path. */
  constructor(url: string) {
    if (typeof url !== 'string' || url.length === 0 || url === SCHEME) {
      throw new Error(`FileSystemHandler: 'url' must be a non-empty path or file:// URL, got ${JSON.stringify(url)}`);
    }
    this.path = toPath(url);
  }

  /** Writes `model.json` and `weights.bin` into the directory, atomically. */
  async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
    if (artifacts.modelTopology instanceof ArrayBuffer) {
      throw new Error('FileSystemHandler.save: binary model topologies are not supported; expected JSON');
    }
    const dir = this.path.endsWith(`${path.sep}${MODEL_JSON}`) ? path.dirname(this.path) : this.path;
    const previous = `${dir}.previous`;
    await fs.mkdir(path.dirname(dir), { recursive: true });
    if (existsSync(dir)) {
      const stat = await fs.stat(dir);
      if (!stat.isDirectory()) {
        throw new Error(`FileSystemHandler.save: ${dir} exists and is not a directory`);
      }
    } else if (existsSync(previous)) {
      // An earlier save died between its two renames: put the old model back first.
      await fs.rename(previous, dir);
    }

    const weightData = artifacts.weightData == null ? new ArrayBuffer(0) : new tf.io.CompositeArrayBuffer(artifacts.weightData).slice();
    const modelJSON: Record<string, unknown> = {
      modelTopology: artifacts.modelTopology,
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
    };
    if (artifacts.trainingConfig != null) modelJSON['trainingConfig'] = artifacts.trainingConfig;
    if (artifacts.signature != null) modelJSON['signature'] = artifacts.signature;
    if (artifacts.userDefinedMetadata != null) modelJSON['userDefinedMetadata'] = artifacts.userDefinedMetadata;
    if (artifacts.modelInitializer != null) modelJSON['modelInitializer'] = artifacts.modelInitializer;
    if (artifacts.initializerSignature != null) modelJSON['initializerSignature'] = artifacts.initializerSignature;

    const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    await fs.mkdir(tmp, { recursive: true });
    try {
      await writeFileSynced(path.join(tmp, WEIGHTS_BIN), new Uint8Array(weightData));
      await writeFileSynced(path.join(tmp, MODEL_JSON), JSON.stringify(modelJSON));
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
      throw err;
    }
    return {
      modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts),
    };
  }

  /** Reads `model.json` and its weight files; errors name the file that is wrong. */
  async load(): Promise<tf.io.ModelArtifacts> {
    let file = this.path;
    if (existsSync(file) && (await fs.stat(file)).isDirectory()) file = path.join(file, MODEL_JSON);
    if (!existsSync(file)) {
      const recovered = path.join(`${path.dirname(file)}.previous`, path.basename(file));
      if (existsSync(recovered)) {
        file = recovered;
      } else {
        throw new Error(`FileSystemHandler.load: model file ${file} does not exist`);
      }
    }
    let modelJSON: tf.io.ModelJSON;
    try {
      modelJSON = JSON.parse(await fs.readFile(file, 'utf8')) as tf.io.ModelJSON;
    } catch (err) {
      throw new Error(`FileSystemHandler.load: ${file} is not valid JSON (${(err as Error).message})`);
    }
    if (modelJSON == null || typeof modelJSON !== 'object' || modelJSON.modelTopology == null) {
      throw new Error(`FileSystemHandler.load: ${file} has no 'modelTopology'; is it a tfjs model.json?`);
    }
    if (modelJSON.weightsManifest != null && !Array.isArray(modelJSON.weightsManifest)) {
      throw new Error(`FileSystemHandler.load: ${file} has a 'weightsManifest' that is not an array`);
    }
    const dir = path.dirname(file);
    return tf.io.getModelArtifactsForJSON(modelJSON, async (manifest) => {
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: ArrayBuffer[] = [];
      for (const group of manifest) {
        specs.push(...group.weights);
        for (const p of group.paths) {
          const weightsFile = path.join(dir, p);
          if (!existsSync(weightsFile)) {
            throw new Error(`FileSystemHandler.load: weights file ${weightsFile} named in ${file} does not exist`);
          }
          const buf = await fs.readFile(weightsFile);
          buffers.push(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
        }
      }
      const data = new tf.io.CompositeArrayBuffer(buffers).slice();
      const expected = specs.reduce((n, s) => n + tf.util.sizeFromShape(s.shape) * bytesPerElement(s), 0);
      if (data.byteLength !== expected) {
        throw new Error(
          `FileSystemHandler.load: the weight files of ${file} hold ${data.byteLength} bytes, but its manifest needs ${expected}`,
        );
      }
      return [specs, data];
    });
  }
}

function bytesPerElement(spec: tf.io.WeightsManifestEntry): number {
  if (spec.quantization != null) {
    const q = spec.quantization.dtype;
    return q === 'uint8' ? 1 : q === 'float16' || q === 'uint16' ? 2 : 4;
  }
  return spec.dtype === 'bool' ? 1 : 4;
}

/**
 * The `file://` router: returns a {@link FileSystemHandler} for `file://` URLs
 * and null for anything else, so tfjs tries its other routers.
 */
export function fileSystemRouter(url: string | string[]): tf.io.IOHandler | null {
  if (Array.isArray(url)) {
    return url.length === 1 && url[0]!.startsWith(SCHEME) ? new FileSystemHandler(url[0]!) : null;
  }
  return typeof url === 'string' && url.startsWith(SCHEME) ? new FileSystemHandler(url) : null;
}

let registered = false;

/**
 * Registers {@link fileSystemRouter} for `model.save('file://…')` and
 * `tf.loadLayersModel('file://…')`. Idempotent; does nothing if another
 * `file://` router (tfjs-node's) is already registered.
 *
 * @returns whether gankit's router is the one serving `file://`.
 */
export function registerFileSystemRouter(): boolean {
  if (registered) return true;
  if (tf.io.getSaveHandlers('file:///gankit-probe').length > 0) return false;
  // tfjs types routers as returning IOHandler, but returning null is how a router declines a URL.
  tf.io.registerSaveRouter(fileSystemRouter as (url: string | string[]) => tf.io.IOHandler);
  tf.io.registerLoadRouter(fileSystemRouter as (url: string | string[]) => tf.io.IOHandler);
  registered = true;
  return true;
}
