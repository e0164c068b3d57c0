import { LABEL_ENCODINGS } from './labels.js';
import type { LabelEncoding } from './labels.js';
import { enumOption, intOption } from './validate.js';

/** Label options shared by the conditional builders. */
export interface LabelOptions {
  /** Number of classes; labels are class indices 0…numClasses−1. Default 10 (MNIST digits). */
  numClasses?: number;
  /**
   * How the label enters by concatenation: `'oneHot'` (a fixed one-hot
   * vector, Mirza & Osindero; the default) or `'embedding'` (a learned vector
   * per class, trained with the network). Not used by projection.
   */
  labelEncoding?: LabelEncoding;
  /** Size of the learned embedding (with `'embedding'`). Default numClasses. */
  embeddingDim?: number;
}

/** Option names of {@link LabelOptions}. */
export const LABEL_KEYS = ['numClasses', 'labelEncoding', 'embeddingDim'] as const;

/** `'concat'`: the label code joins the input (Mirza & Osindero); `'projection'`: Miyato & Koyama's inner product. */
export type Conditioning = 'concat' | 'projection';
/** Every discriminator {@link Conditioning}, for checking options (the record makes the compiler check none is missing). */
export const CONDITIONINGS = Object.keys({ concat: 0, projection: 0 } satisfies Record<Conditioning, 0>) as Conditioning[];

/** Checks and fills in the label options: 10 classes, one-hot, embedding size = numClasses. */
export function resolveLabels(builder: string, o: LabelOptions): { numClasses: number; encoding: LabelEncoding; embeddingDim: number } {
  const numClasses = intOption(builder, 'numClasses', o.numClasses, 10, 2);
  const encoding = enumOption(builder, 'labelEncoding', o.labelEncoding, LABEL_ENCODINGS, 'oneHot');
  const embeddingDim = intOption(builder, 'embeddingDim', o.embeddingDim, numClasses);
  return { numClasses, encoding, embeddingDim };
}

/** Checks the conditioning option (default concat). */
export function resolveConditioning(builder: string, value: unknown): Conditioning {
  return enumOption(builder, 'conditioning', value, CONDITIONINGS, 'concat');
}
