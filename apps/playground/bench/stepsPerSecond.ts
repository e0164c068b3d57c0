/**
 * Training speed of the playground's default setup (WGAN-GP on the 25-mode
 * grid, 3 × 128 ReLU MLPs, 2-D noise, batch 256, 5 critic steps with the
 * gradient penalty per generator step), measured in Debian's Chromium on the
 * wasm backend (SIMD) and on webgl (SwiftShader, a CPU implementation of the
 * GPU: there is no GPU here), one after the other in one run, with the same
 * session in Node on wasm for reference.
 *
 * Steps per second are read off the page's step counter over a window after a
 * warm-up (webgl compiles its shaders in the first steps), so they include
 * everything the page does: the views redrawn every 250 ms, mode coverage on
 * 2,500 samples, and the per-step read-back of the logged losses.
 *
 * Usage: pnpm --filter @gankit/playground bench [--seconds 40]
 * Writes test-artifacts/steps-per-second.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initBackend } from '@gankit/backend';
import { Session } from '../src/session.js';
import { defaultSettings } from '../src/settings.js';
import { APP_DIR, ARTIFACTS_DIR, CHROMIUM_PATH, buildApp, launchChromium, serveStatic } from '../test/harness.js';

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { seconds: { type: 'string', default: '40' } } });
const seconds = Number(values.seconds);

interface Measurement {
  readonly where: string;
  readonly backend: string;
  readonly stepsPerSecond: number;
  readonly steps: number;
  readonly seconds: number;
  readonly loadAverage: number;
}

async function inBrowser(backend: 'wasm' | 'webgl', url: string): Promise<Measurement> {
  const browser = await launchChromium({ gpu: backend === 'webgl' ? 'swiftshader' : 'disabled' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${url}?backend=${backend}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    const shown = (await page.textContent('[data-testid="backend-name"]')) ?? '';
    if (!shown.startsWith(backend)) throw new Error(`asked for ${backend}, the page runs ${shown}`);
    const count = async (): Promise<number> => Number(await page.textContent('[data-testid="step-count"]'));
    await page.click('[data-testid="start"]');
    // Warm-up: webgl compiles every shader during the first steps.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="step-count"]')?.textContent) >= 5, undefined, { timeout: 600_000, polling: 100 });
    const s0 = await count();
    const t0 = performance.now();
    await page.waitForTimeout(seconds * 1000);
    const s1 = await count();
    const elapsed = (performance.now() - t0) / 1000;
    await page.click('[data-testid="pause"]');
    return { where: 'Chromium', backend: shown, stepsPerSecond: (s1 - s0) / elapsed, steps: s1 - s0, seconds: elapsed, loadAverage: loadavg()[0]! };
  } finally {
    await browser.close();
  }
}

async function inNode(): Promise<Measurement> {
  const info = await initBackend();
  const session = new Session(defaultSettings());
  try {
    for (let i = 0; i < 5; i++) await session.trainStep();
    const t0 = performance.now();
    let steps = 0;
    while (performance.now() - t0 < seconds * 1000) {
      await session.trainStep();
      steps++;
    }
    const elapsed = (performance.now() - t0) / 1000;
    return { where: 'Node (no page)', backend: `${info.backend}${info.simd ? ' (SIMD)' : ''}`, stepsPerSecond: steps / elapsed, steps, seconds: elapsed, loadAverage: loadavg()[0]! };
  } finally {
    session.dispose();
  }
}

const server = await serveStatic(await buildApp());
const results: Measurement[] = [];
try {
  results.push(await inBrowser('wasm', server.url));
  results.push(await inBrowser('webgl', server.url));
  results.push(await inNode());
} finally {
  await server.close();
}

const chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
console.log(`\nDefault setup (WGAN-GP, grid, 3×128 MLPs, batch 256, 5 critic steps); ${cpus().length} × ${cpus()[0]?.model}; ${chromium}\n`);
console.log('| where | backend | steps/s | ms/step | steps timed | 1-min load |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.where} | ${r.backend} | ${r.stepsPerSecond.toFixed(2)} | ${(1000 / r.stepsPerSecond).toFixed(0)} | ${r.steps} in ${r.seconds.toFixed(0)} s | ${r.loadAverage.toFixed(1)} |`);
}
mkdirSync(ARTIFACTS_DIR, { recursive: true });
const out = join(ARTIFACTS_DIR, 'steps-per-second.json');
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), chromium, cpus: cpus().length, cpu: cpus()[0]?.model, results }, null, 2)}\n`);
console.log(`\nwrote ${out.slice(APP_DIR.length + 1)}`);
