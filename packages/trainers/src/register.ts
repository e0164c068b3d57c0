/**
 * Side-effect module: registers the gradient overrides from
 * `@gankit/gradients`, so the critic updates of a trainer with a gradient
 * penalty or R1 (which differentiate ∇ₓD with respect to the critic's
 * weights) are correct, with or without `@gankit/backend`. Imported by both
 * package entries; listed under `sideEffects` in package.json. Also registers
 * the one-kernel Adam update ({@link FusedAdamOptimizer}) and the one-kernel
 * gradient norm the trainers report (`GankitGlobalNorm`) for cpu and wasm.
 */
import { registerGradientPatches } from '@gankit/gradients';
import { registerFusedAdam } from './internal/fusedAdamKernel.js';
import { registerGlobalNorm } from './internal/globalNormKernel.js';

registerGradientPatches();
registerFusedAdam();
registerGlobalNorm();
