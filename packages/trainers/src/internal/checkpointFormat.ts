import * as tf from '@tensorflow/tfjs';
import type { RngState } from './rng.js';

/** A named tensor, as tfjs's weight encoders take them. */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** JSON values as stored in a checkpoint manifest. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

export const CHECKPOINT_FORMAT = 'gankit-checkpoint';
export const CHECKPOINT_VERSION = 1;
/** Name of the manifest file in a checkpoint directory. */
export const MANIFEST_FILE = 'checkpoint.json';

/** What a trainer's configuration looks like in a checkpoint: structure must match to load; hyperparameters should. */
export interface TrainerConfiguration {
  readonly structure: JsonObject;
  readonly hyperparameters: JsonObject;
}

/** What a checkpoint entry holds. */
export type CheckpointEntryKind = 'model' | 'optimizer' | 'tensors';

/** One stored group of tensors: a model's weights (with its topology), an optimizer's state, or plain tensors (e.g. CycleGAN's image pools). */
export interface CheckpointEntry {
  readonly name: string;
  readonly kind: CheckpointEntryKind;
  /** The model's `toJSON()` topology, `{ gankitOptimizer: { className, config } }`, or any JSON describing the tensors. */
  readonly topology: JsonObject;
  readonly weights: NamedTensor[];
}

/** Everything except the tensors. */
export interface CheckpointManifest {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: number;
  readonly trainer: string;
  readonly step: number;
  readonly rng: { readonly training: RngState; readonly sampling: RngState };
  readonly configuration: TrainerConfiguration;
  readonly state: JsonObject;
  readonly entries: ReadonlyArray<{ readonly name: string; readonly kind: CheckpointEntryKind; readonly weights: number }>;
  readonly metadata: JsonObject;
  readonly savedAt: string;
}

/** A whole checkpoint in memory. */
export interface Checkpoint {
  readonly manifest: CheckpointManifest;
  readonly entries: CheckpointEntry[];
}

/** Where checkpoints go: a directory in Node, or one tfjs IOHandler (packed). */
export interface CheckpointStore {
  save(checkpoint: Checkpoint): Promise<void>;
  load(): Promise<Checkpoint>;
  /** For messages. */
  readonly description: string;
}

/** Disposes every tensor of a checkpoint. */
export function disposeCheckpoint(checkpoint: Checkpoint): void {
  for (const entry of checkpoint.entries) tf.dispose(entry.weights.map((w) => w.tensor));
}

/** A checkpoint entry as tfjs model artifacts (`model.json` + weights). */
export async function entryToArtifacts(entry: CheckpointEntry): Promise<tf.io.ModelArtifacts> {
  const { data, specs } = await tf.io.encodeWeights(entry.weights);
  return {
    modelTopology: entry.topology as unknown as tf.io.ModelArtifacts['modelTopology'],
    format: entry.kind === 'model' ? 'layers-model' : `gankit-${entry.kind === 'optimizer' ? 'optimizer' : 'tensor'}-state`,
    generatedBy: '@gankit/trainers',
    weightSpecs: specs,
    weightData: data,
  };
}

/** Reads a checkpoint entry back from artifacts, tensors in the stored order. */
export function artifactsToEntry(name: string, kind: CheckpointEntryKind, artifacts: tf.io.ModelArtifacts, where: string): CheckpointEntry {
  const topology = artifacts.modelTopology;
  if (topology == null || topology instanceof ArrayBuffer || typeof topology !== 'object') {
    throw new Error(`checkpoint ${where}: entry '${name}' has no JSON topology`);
  }
  const specs = artifacts.weightSpecs ?? [];
  const data = artifacts.weightData == null ? new ArrayBuffer(0) : new tf.io.CompositeArrayBuffer(artifacts.weightData).slice();
  return { name, kind, topology: topology as JsonObject, weights: decodeWeights(data, specs, `${where} (${name})`) };
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** Decodes weights by position (names may repeat across processes' auto-generated layer names). */
export function decodeWeights(data: ArrayBuffer, specs: readonly tf.io.WeightsManifestEntry[], where: string): NamedTensor[] {
  let offset = 0;
  const expected = specs.reduce((n, s) => n + tf.util.sizeFromShape(s.shape) * (BYTES[s.dtype] ?? 0), 0);
  if (expected !== data.byteLength) {
    throw new Error(`checkpoint ${where}: the weights hold ${data.byteLength} bytes but the manifest needs ${expected}`);
  }
  return specs.map((spec) => {
    if (spec.quantization != null) throw new Error(`checkpoint ${where}: quantized weight '${spec.name}' is not supported`);
    const size = tf.util.sizeFromShape(spec.shape);
    const bytes = size * (BYTES[spec.dtype] ?? Number.NaN);
    if (!Number.isFinite(bytes)) throw new Error(`checkpoint ${where}: weight '${spec.name}' has unsupported dtype ${spec.dtype}`);
    const slice = data.slice(offset, offset + bytes);
    offset += bytes;
    const values = spec.dtype === 'float32' ? new Float32Array(slice) : spec.dtype === 'int32' ? new Int32Array(slice) : new Uint8Array(slice);
    return { name: spec.name, tensor: tf.tensor(values, spec.shape, spec.dtype) };
  });
}

/** Checks a parsed manifest's shape and returns it. */
export function checkManifest(value: unknown, where: string): CheckpointManifest {
  const m = value as Partial<CheckpointManifest> | null;
  if (m == null || typeof m !== 'object' || m.format !== CHECKPOINT_FORMAT) {
    throw new Error(`checkpoint ${where}: not a gankit checkpoint (no format '${CHECKPOINT_FORMAT}')`);
  }
  if (m.version !== CHECKPOINT_VERSION) {
    throw new Error(`checkpoint ${where}: format version ${String(m.version)} is not supported (expected ${CHECKPOINT_VERSION})`);
  }
  if (typeof m.trainer !== 'string' || !Number.isInteger(m.step) || !Array.isArray(m.entries) || m.configuration == null || m.rng == null) {
    throw new Error(`checkpoint ${where}: the manifest is incomplete`);
  }
  return m as CheckpointManifest;
}

/**
 * A store that packs the whole checkpoint into one set of model artifacts, so
 * any tfjs IOHandler can hold it (`indexeddb://`, `localstorage://`,
 * `downloads://`, `http(s)://`, a FileSystemHandler, …): the manifest and the
 * entries' topologies go in `modelTopology`, all tensors in one weight buffer.
 */
export function packedStore(handler: tf.io.IOHandler, description: string): CheckpointStore {
  return {
    description,
    async save(checkpoint) {
      if (handler.save == null) throw new Error(`checkpoint ${description}: this IOHandler cannot save`);
      const weights: NamedTensor[] = [];
      const topologies: JsonObject = {};
      for (const entry of checkpoint.entries) {
        topologies[entry.name] = entry.topology;
        for (const w of entry.weights) weights.push({ name: `${entry.name}::${w.name}`, tensor: w.tensor });
      }
      const { data, specs } = await tf.io.encodeWeights(weights);
      const modelTopology = { [CHECKPOINT_FORMAT]: checkpoint.manifest as unknown as JsonObject, topologies };
      const result = await handler.save({
        modelTopology: modelTopology as unknown as tf.io.ModelArtifacts['modelTopology'],
        format: CHECKPOINT_FORMAT,
        generatedBy: '@gankit/trainers',
        weightSpecs: specs,
        weightData: data,
      });
      if (result.errors != null && result.errors.length > 0) {
        throw new Error(`checkpoint ${description}: saving failed: ${result.errors.join('; ')}`);
      }
    },
    async load() {
      if (handler.load == null) throw new Error(`checkpoint ${description}: this IOHandler cannot load`);
      const artifacts = await handler.load();
      const top = artifacts.modelTopology as Record<string, unknown> | undefined;
      if (top == null || typeof top !== 'object' || !(CHECKPOINT_FORMAT in top)) {
        throw new Error(`checkpoint ${description}: not a packed gankit checkpoint (is it a plain model, or a checkpoint directory?)`);
      }
      const manifest = checkManifest(top[CHECKPOINT_FORMAT], description);
      const topologies = (top['topologies'] ?? {}) as Record<string, JsonObject>;
      const data = artifacts.weightData == null ? new ArrayBuffer(0) : new tf.io.CompositeArrayBuffer(artifacts.weightData).slice();
      const all = decodeWeights(data, artifacts.weightSpecs ?? [], description);
      const entries: CheckpointEntry[] = [];
      let at = 0;
      for (const info of manifest.entries) {
        const own = all.slice(at, at + info.weights).map((w) => ({ name: w.name.slice(info.name.length + 2), tensor: w.tensor }));
        at += info.weights;
        entries.push({ name: info.name, kind: info.kind, topology: topologies[info.name] ?? {}, weights: own });
      }
      if (at !== all.length) {
        tf.dispose(all.map((w) => w.tensor));
        throw new Error(`checkpoint ${description}: holds ${all.length} tensors but its manifest lists ${at}`);
      }
      return { manifest, entries };
    },
  };
}

type Router = (url: string) => CheckpointStore | null;
const routers: Router[] = [];

/** Lets an entry point (the Node one: `file://` directories) claim URLs before tfjs's IOHandlers. */
export function registerCheckpointRouter(router: Router): void {
  if (!routers.includes(router)) routers.push(router);
}

/** The store for a destination or source. */
export function resolveStore(target: string | tf.io.IOHandler, mode: 'save' | 'load', who: string): CheckpointStore {
  if (typeof target === 'string') {
    for (const route of routers) {
      const store = route(target);
      if (store != null) return store;
    }
    const handlers = mode === 'save' ? tf.io.getSaveHandlers(target) : tf.io.getLoadHandlers(target);
    const handler = handlers[0];
    if (handler == null) {
      const hint = target.startsWith('file://')
        ? " (in Node, import '@gankit/trainers' through its Node entry and register a file:// router: await initBackend() from '@gankit/backend')"
        : '';
      throw new Error(`${who}: no tfjs IOHandler can ${mode} '${target}'${hint}`);
    }
    return packedStore(handler, `'${target}'`);
  }
  if (target == null || typeof target !== 'object' || (mode === 'save' ? target.save == null : target.load == null)) {
    throw new Error(`${who}: expected a URL string or a tfjs IOHandler with a ${mode}() method`);
  }
  return packedStore(target, 'IOHandler');
}
