/**
 * @packageDocumentation
 * tfjs gradient registrations that make second-order gradients correct —
 * gradient penalties, R1 — on every backend. `@gankit/losses`,
 * `@gankit/trainers` and `@gankit/backend` register them on import; call
 * {@link registerGradientPatches} (or import `@gankit/gradients/register`) when
 * you differentiate gradients without them.
 */
export { detach } from './detach.js';
export { maskedGradient } from './internal/leakyReluGradKernel.js';
export { GRADIENT_PATCHES } from './gradientPatches.js';
export { registerGradientPatches } from './registerGradientPatches.js';
export type { GradientPatchRecord } from './registerGradientPatches.js';
