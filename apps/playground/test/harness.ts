/**
 * What the browser test and the speed benchmark share: build the app, serve
 * dist/ from a static server on 127.0.0.1, and start Debian's Chromium with
 * playwright-core (browsers cannot be downloaded here).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { CROSS_ORIGIN_ISOLATION } from '../vite.config.js';

/** The app's directory. */
export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where screenshots and measurements are written (gitignored). */
export const ARTIFACTS_DIR = join(APP_DIR, 'test-artifacts');
/** Debian's Chromium, or the browser named by CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for headless Chromium on this closed network (no background connections, no sandbox as root). */
const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Builds the app into `outDir` with the project's vite.config.ts.
 *
 * @param outDir - the output directory (default: the app's dist/).
 * @returns the output directory.
 */
export async function buildApp(outDir = join(APP_DIR, 'dist')): Promise<string> {
  await build({ root: APP_DIR, configFile: join(APP_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** A running static server. */
export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234/` */
  readonly url: string;
  close(): Promise<void>;
}

/** Options of {@link serveStatic}. */
export interface ServeOptions {
  /**
   * Send the COOP/COEP headers of vite.config.ts (default true), as `dev` and
   * `preview` do: the page is then cross-origin isolated and tfjs loads its
   * threaded wasm build. `false` serves it as a plain static host would.
   */
  readonly crossOriginIsolated?: boolean;
}

/**
 * Serves a directory over HTTP on 127.0.0.1 (a free port), with the right
 * MIME types (wasm must be `application/wasm` for streaming compilation) and,
 * unless told otherwise, the cross-origin-isolation headers.
 *
 * @param root - the directory.
 * @param options - `crossOriginIsolated: false` to leave out COOP/COEP.
 * @returns its URL and a close function.
 */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const isolation = options.crossOriginIsolated === false ? {} : CROSS_ORIGIN_ISOLATION;
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...isolation });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** A started browser and the temporary profile it owns. */
export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless with a fresh profile. Fails (never skips)
 * when it is missing, saying how to install it.
 *
 * @param options - `gpu: 'swiftshader'` for WebGL on SwiftShader; `'disabled'` (default) adds --disable-gpu.
 * @returns the browser context and a close function that also removes the profile.
 */
export async function launchChromium(options: { gpu?: 'disabled' | 'swiftshader' } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The playground's browser tests need Debian's Chromium: ` +
        '`.ci/run` installs it (as does the root `pnpm test`, through scripts/ensure-chromium.mjs, when run as root); ' +
        'by hand: `apt-get update && apt-get install -y chromium` as root, ' +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  const gpu = options.gpu === 'swiftshader' ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : ['--disable-gpu'];
  const profile = mkdtempSync(join(tmpdir(), 'gankit-playground-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_FLAGS, ...gpu],
    viewport: { width: 1280, height: 1000 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
