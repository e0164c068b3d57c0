/** The element types an IDX file can hold, by name. */
export type IdxDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/**
 * One parsed IDX array: its element type, its dimensions and its values in a
 * typed array of the matching kind (host byte order).
 *
 * @example
 * ```ts
 * const { dtype, dims, data } = parseIdx(bytes, 'train-images-idx3-ubyte');
 * // 'uint8', [60000, 28, 28], Uint8Array(47040000)
 * ```
 */
export interface IdxArray {
  /** The element type named by the header's type byte. */
  readonly dtype: IdxDtype;
  /** The dimensions from the header, outermost first. */
  readonly dims: readonly number[];
  /** The values, row-major; a view into the input for `uint8`. */
  readonly data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const TYPES: Record<number, { dtype: IdxDtype; bytes: number }> = {
  0x08: { dtype: 'uint8', bytes: 1 },
  0x09: { dtype: 'int8', bytes: 1 },
  0x0b: { dtype: 'int16', bytes: 2 },
  0x0c: { dtype: 'int32', bytes: 4 },
  0x0d: { dtype: 'float32', bytes: 4 },
  0x0e: { dtype: 'float64', bytes: 8 },
};

const hex = (n: number, width = 8): string => `0x${n.toString(16).padStart(width, '0')}`;

/**
 * Parses the bytes of an IDX file (the format of MNIST, Fashion-MNIST, EMNIST,
 * KMNIST; LeCun et al., "THE MNIST DATABASE", file formats section): a 4-byte
 * magic number — two zero bytes, an element-type byte (0x08 uint8, 0x09 int8,
 * 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64) and the number of
 * dimensions — then one big-endian uint32 per dimension, then the values,
 * big-endian, row-major. The length must match the dimensions exactly.
 *
 * @param bytes - the file's contents (already gunzipped).
 * @param source - the file name to put in error messages.
 * @returns the element type, dimensions and values.
 * @throws Error naming `source` and what is wrong: too short for its header, a wrong magic number
 *   (with a hint when the bytes look gzip-compressed), an unknown type byte, or a data section
 *   shorter (truncated) or longer than the dimensions say.
 *
 * @example
 * ```ts
 * const labels = parseIdx(new Uint8Array(await (await fetch(url)).arrayBuffer()), url);
 * labels.dims; // [10000]
 * ```
 */
export function parseIdx(bytes: Uint8Array, source = 'IDX data'): IdxArray {
  if (bytes.length < 4) {
    throw new Error(`${source}: truncated IDX file: ${bytes.length} bytes, too short for the 4-byte magic number`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (the file looks gzip-compressed: gunzip it first)' : '';
    throw new Error(
      `${source}: wrong magic number ${hex(magic)}: an IDX file starts with two zero bytes, ` +
        `a type byte and a dimension count, e.g. 0x00000803 for uint8 images${gzip}`,
    );
  }
  const typeByte = bytes[2]!;
  const type = TYPES[typeByte];
  if (type === undefined) {
    throw new Error(
      `${source}: wrong magic number ${hex(magic)}: unknown IDX element type ${hex(typeByte, 2)} ` +
        `(known: 0x08 uint8, 0x09 int8, 0x0b int16, 0x0c int32, 0x0d float32, 0x0e float64)`,
    );
  }
  const ndims = bytes[3]!;
  if (ndims === 0) {
    throw new Error(`${source}: wrong magic number ${hex(magic)}: an IDX array needs at least one dimension`);
  }
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) {
    throw new Error(
      `${source}: truncated IDX file: ${bytes.length} bytes, but its header alone is ${headerBytes} bytes ` +
        `(${ndims} dimensions)`,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < ndims; d++) dims.push(view.getUint32(4 + 4 * d, false));
  const count = dims.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * type.bytes;
  if (bytes.length < expected) {
    throw new Error(
      `${source}: truncated IDX file: ${bytes.length} bytes, but dimensions [${dims.join(', ')}] of ` +
        `${type.dtype} need ${expected} (${expected - bytes.length} bytes missing)`,
    );
  }
  if (bytes.length > expected) {
    throw new Error(
      `${source}: IDX file is longer than its header says: ${bytes.length} bytes, but dimensions ` +
        `[${dims.join(', ')}] of ${type.dtype} need ${expected} (${bytes.length - expected} extra bytes)`,
    );
  }
  return { dtype: type.dtype, dims, data: decodeValues(view, headerBytes, count, type.dtype, bytes) };
}

function decodeValues(
  view: DataView,
  offset: number,
  count: number,
  dtype: IdxDtype,
  bytes: Uint8Array,
): IdxArray['data'] {
  switch (dtype) {
    case 'uint8':
      return bytes.subarray(offset, offset + count);
    case 'int8':
      return new Int8Array(bytes.buffer, bytes.byteOffset + offset, count);
    case 'int16': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}
