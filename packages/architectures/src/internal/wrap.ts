import * as tf from '@tensorflow/tfjs';

/**
 * A hook a discriminator builder passes every dense and conv layer through
 * before using it — e.g. to wrap it in spectral normalization from another
 * package. It must return a layer to use in its place (the same one to leave
 * it as it is).
 */
export type WrapLayer = (layer: tf.layers.Layer) => tf.layers.Layer;

/** Passes `layer` through the hook, if any, and checks it returned a layer. */
export function wrapWith(builder: string, wrap: WrapLayer | undefined, layer: tf.layers.Layer): tf.layers.Layer {
  if (wrap === undefined) return layer;
  const out = wrap(layer);
  if (!(out instanceof tf.layers.Layer)) {
    throw new Error(`${builder}: option 'wrapLayer' must return a tf.layers.Layer; it returned ${String(out)} for ${layer.name}`);
  }
  return out;
}
