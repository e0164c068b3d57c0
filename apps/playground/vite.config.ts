import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The playground is built from the workspace packages' TypeScript sources (the
 * `@gankit/source` export condition, as the packages' own tests do), so neither
 * `dev` nor `build` needs the libraries built first. `base: './'` lets `dist/`
 * be served from any path.
 */
export default defineConfig({
  base: './',
  resolve: {
    conditions: ['@gankit/source', ...defaultClientConditions],
  },
  build: {
    target: 'es2022',
    // tfjs (core, layers, webgl, wasm, webgpu) is one large chunk by nature.
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
