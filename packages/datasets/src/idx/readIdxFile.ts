import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseIdx } from './parseIdx.js';
import type { IdxArray } from './parseIdx.js';

/**
 * Reads and parses one IDX file (Node only). Gzip-compressed files (`.gz`, as
 * Fashion-MNIST and EMNIST are distributed) are recognised by their magic
 * bytes and decompressed first.
 *
 * @param path - the file's path.
 * @returns the parsed array (see {@link parseIdx}).
 * @throws Error naming the file when it is missing, unreadable, not valid gzip, or not a valid IDX file.
 *
 * @example
 * ```ts
 * const labels = await readIdxFile('fashion/t10k-labels-idx1-ubyte.gz');
 * labels.dims; // [10000]
 * ```
 */
export async function readIdxFile(path: string): Promise<IdxArray> {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(`readIdxFile: 'path' must be a non-empty string, got ${String(path)}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'it is a directory' : String(error);
    throw new Error(`${path}: cannot read IDX file: ${why}`, { cause: error });
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new Error(`${path}: gzip-compressed IDX file could not be decompressed (truncated or corrupt): ${String(error)}`, {
        cause: error,
      });
    }
  }
  return parseIdx(bytes, path);
}
