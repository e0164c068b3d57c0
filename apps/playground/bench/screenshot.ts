/**
 * Trains a configuration in the built page (Debian's Chromium, wasm) until a
 * given step and saves a screenshot: how docs/playground.png was made.
 *
 * Usage: pnpm --filter @gankit/playground screenshot [--query '?dist=grid&loss=wgan-gp' --steps 1500]
 * Writes test-artifacts/playground-<steps>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ARTIFACTS_DIR, buildApp, launchChromium, serveStatic } from '../test/harness.js';

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { query: { type: 'string', default: '?backend=wasm' }, steps: { type: 'string', default: '1500' } } });
const steps = Number(values.steps);
const server = await serveStatic(await buildApp());
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${values.query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  await page.click('[data-testid="start"]');
  const started = performance.now();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="step-count"]')?.textContent) >= n, steps, { timeout: 0, polling: 1000 });
  await page.click('[data-testid="pause"]');
  // One more step draws every view at the final state.
  await page.waitForTimeout(1000);
  await page.click('[data-testid="step"]');
  await page.waitForTimeout(1000);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `playground-${steps}.png`);
  await page.screenshot({ path, fullPage: true });
  const metrics = await page.evaluate(() => ({
    step: document.querySelector('[data-testid="step-count"]')?.textContent,
    modes: document.querySelector('[data-testid="modes-covered"]')?.textContent,
    highQuality: document.querySelector('[data-testid="high-quality"]')?.textContent,
    url: location.href,
  }));
  console.log({ ...metrics, minutes: ((performance.now() - started) / 60_000).toFixed(1), path });
} finally {
  await browser.close();
  await server.close();
}
