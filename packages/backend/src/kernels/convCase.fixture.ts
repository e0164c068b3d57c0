/** A convolution's padding as the conv tests give it: a tfjs mode or explicit NHWC pads. */
export type ConvPad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

/** One convolution the conv-kernel tests hold to the cpu backend. */
export interface ConvCase {
  name: string;
  /** The forward convolution's input shape (= the output of the transposed conv), NHWC. */
  x: [number, number, number, number];
  k: [number, number];
  outC: number;
  strides: [number, number];
  pad: ConvPad;
}
