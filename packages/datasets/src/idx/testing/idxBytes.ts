/** Builds the bytes of an IDX file (test helper): header for `type` and `dims`, then `values` big-endian. */
export function idxBytes(type: number, dims: number[], values: ArrayLike<number>): Uint8Array {
  const size = { 0x08: 1, 0x09: 1, 0x0b: 2, 0x0c: 4, 0x0d: 4, 0x0e: 8 }[type] ?? 1;
  const bytes = new Uint8Array(4 + 4 * dims.length + values.length * size);
  const view = new DataView(bytes.buffer);
  view.setUint8(2, type);
  view.setUint8(3, dims.length);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const o = 4 + 4 * dims.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (type === 0x08) view.setUint8(o + i, v);
    else if (type === 0x09) view.setInt8(o + i, v);
    else if (type === 0x0b) view.setInt16(o + 2 * i, v, false);
    else if (type === 0x0c) view.setInt32(o + 4 * i, v, false);
    else if (type === 0x0d) view.setFloat32(o + 4 * i, v, false);
    else view.setFloat64(o + 8 * i, v, false);
  }
  return bytes;
}
