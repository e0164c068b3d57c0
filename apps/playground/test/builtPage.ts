/**
 * What the browser tests of the built page share: build the app into a
 * temporary directory of its own (so a file can run beside
 * playground.test.ts, which builds into dist/), serve it on 127.0.0.1 with the
 * cross-origin-isolation headers, and open pages on it in Debian's Chromium,
 * collecting uncaught page errors and console errors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, launchChromium, serveStatic } from './harness.js';
import type { Browser, StaticServer } from './harness.js';

/** Only ends a hung wait; nothing in the browser tests depends on speed. */
export const HANG_GUARD_MS = 300_000;

/** Opens pages of the built app, and what they reported. */
export interface BuiltPage {
  /** Opens `query` on the built app and waits until the page is ready (`body[data-ready]`). */
  open(query: string): Promise<Page>;
  /** Uncaught page errors and console errors of every page opened so far. */
  readonly pageErrors: string[];
}

/**
 * Builds and serves the app once for the calling test file (beforeAll) and
 * tears it down after (afterAll); a set-up failure is rethrown by `open`.
 *
 * @param prefix - the temporary build directory's name prefix.
 * @returns the page opener and the collected errors.
 */
export function useBuiltPage(prefix: string): BuiltPage {
  let outDir: string | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let setupError: unknown;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    try {
      outDir = mkdtempSync(join(tmpdir(), prefix));
      browser = await launchChromium();
      server = await serveStatic(await buildApp(outDir));
    } catch (err) {
      setupError = err;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });
  return {
    pageErrors,
    async open(query) {
      if (setupError !== undefined) throw setupError;
      if (browser === undefined || server === undefined) throw new Error('the browser test set-up did not finish');
      const page = await browser.context.newPage();
      page.setDefaultTimeout(HANG_GUARD_MS);
      page.on('pageerror', (err) => pageErrors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error') pageErrors.push(`console.error: ${msg.text()}`);
      });
      await page.goto(`${server.url}${query}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: HANG_GUARD_MS });
      return page;
    },
  };
}
