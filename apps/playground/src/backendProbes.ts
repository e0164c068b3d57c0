/**
 * What the GPU backends would run on here, found out without starting them:
 * tfjs prints a warning with a full stack trace when a backend's factory
 * throws (webgpu without an adapter), and on a machine without a GPU WebGL is
 * usually a software renderer (SwiftShader, llvmpipe) that runs the GPU's work
 * on the CPU, many times slower than wasm.
 */

/** The WebGL renderer, as far as the browser says. */
export interface WebGlProbe {
  /** Whether a WebGL context could be made at all. */
  readonly available: boolean;
  /** The unmasked renderer string, e.g. `ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …))`. */
  readonly renderer?: string;
  /** Whether the renderer is a CPU implementation of the GPU. */
  readonly software: boolean;
  /** A short name for notes, e.g. `SwiftShader, software`. */
  readonly summary: string;
}

/** Renderers that run WebGL on the CPU, and the name to show for each. */
const SOFTWARE_RENDERERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/basic render driver/i, 'Microsoft Basic Render Driver'],
  [/software/i, 'a software renderer'],
];

/**
 * Whether a renderer string names a software (CPU) renderer, and which.
 *
 * @param renderer - `UNMASKED_RENDERER_WEBGL` (or `RENDERER`).
 * @returns the renderer's short name, or undefined for a hardware GPU.
 *
 * @example
 * ```ts
 * softwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'); // 'SwiftShader'
 * softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)'); // undefined
 * ```
 */
export function softwareRenderer(renderer: string): string | undefined {
  return SOFTWARE_RENDERERS.find(([pattern]) => pattern.test(renderer))?.[1];
}

/**
 * Makes a throw-away WebGL context on an OffscreenCanvas (works in a worker)
 * and reads its renderer through `WEBGL_debug_renderer_info`.
 *
 * @returns whether WebGL is there, its renderer, and whether that is software.
 *
 * @example
 * ```ts
 * const gl = probeWebGl(); // { available: true, software: true, summary: 'SwiftShader, software', … }
 * ```
 */
export function probeWebGl(): WebGlProbe {
  if (typeof OffscreenCanvas === 'undefined') return { available: false, software: false, summary: 'no OffscreenCanvas' };
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (gl === null) return { available: false, software: false, summary: 'no WebGL context' };
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    const software = softwareRenderer(renderer);
    return { available: true, renderer, software: software !== undefined, summary: software !== undefined ? `${software}, software` : renderer };
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

/** The part of the WebGPU API the probe uses (TypeScript's DOM types do not have it yet). */
interface GpuLike {
  requestAdapter(): Promise<{ readonly isFallbackAdapter?: boolean; readonly info?: { readonly description?: string; readonly vendor?: string } } | null>;
}

/** Whether WebGPU has an adapter here. */
export interface WebGpuProbe {
  readonly available: boolean;
  /** Whether the adapter is a software fallback. */
  readonly software: boolean;
  /** Why it is unavailable, or what the adapter is. */
  readonly summary: string;
}

/**
 * Asks for a WebGPU adapter the way tfjs's webgpu backend will, so that a
 * browser without one is found out quietly instead of by the backend's
 * factory throwing (tfjs then logs a warning with a stack trace).
 *
 * @returns whether an adapter is there; if not, one line on why.
 *
 * @example
 * ```ts
 * const gpu = await probeWebGpu(); // { available: false, summary: 'no WebGPU adapter (no GPU, or WebGPU is disabled)', … }
 * ```
 */
export async function probeWebGpu(): Promise<WebGpuProbe> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu === undefined) return { available: false, software: false, summary: 'this browser has no WebGPU (navigator.gpu)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return { available: false, software: false, summary: 'no WebGPU adapter (no GPU, or WebGPU is disabled)' };
    const name = adapter.info?.description || adapter.info?.vendor || 'an adapter';
    return adapter.isFallbackAdapter === true ? { available: true, software: true, summary: 'fallback adapter, software' } : { available: true, software: false, summary: name };
  } catch (err) {
    return { available: false, software: false, summary: `WebGPU adapter request failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
