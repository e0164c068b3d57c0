/**
 * @packageDocumentation
 * One tfjs backend for gankit. `initBackend()` picks wasm (SIMD) in Node and
 * webgpu → webgl → wasm → cpu in the browser, with the kernels and gradients
 * that make training on it correct.
 */
export { initBackend, BACKEND_NAMES } from './initBackend.js';
export type { BackendInfo, BackendName, InitBackendOptions } from './initBackend.js';
export { WASM_KERNEL_PATCHES } from './register.js';
export { GRADIENT_PATCHES } from '@gankit/gradients';
