/**
 * The value range images are mapped to (when loading) or from (when writing a
 * grid): `'[-1,1]'` for generators ending in tanh (DCGAN, Radford et al. 2016,
 * §3), `'[0,1]'` for sigmoid outputs and Bernoulli VAE likelihoods (Kingma &
 * Welling 2014).
 *
 * @example
 * ```ts
 * const range: PixelRange = '[-1,1]';
 * ```
 */
export type PixelRange = '[-1,1]' | '[0,1]';

/**
 * The allowed {@link PixelRange} values, for validation and UIs.
 *
 * @example
 * ```ts
 * PIXEL_RANGES.includes('[0,1]'); // true
 * ```
 */
export const PIXEL_RANGES: readonly PixelRange[] = ['[-1,1]', '[0,1]'];
