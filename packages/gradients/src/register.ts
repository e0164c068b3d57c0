/**
 * Side-effect module (`@gankit/gradients/register`): registers gankit's
 * gradient overrides, which make second-order gradients correct (see
 * `registerGradientPatches`). Importing it twice, or alongside another copy of
 * this package, is harmless.
 *
 * Listed under `sideEffects` in package.json so bundlers keep it.
 */
import { registerGradientPatches } from './registerGradientPatches.js';

registerGradientPatches();
