import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

/**
 * The playground's tests drive the built page in Debian's Chromium (see
 * test/playground.test.ts); they build the app themselves, so they need no
 * workspace `build` first.
 */
export default mergeConfig(sharedConfig, defineProject({ test: { name: 'playground' } }));
