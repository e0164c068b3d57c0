/**
 * Training speed of the playground's default setup (WGAN-GP on the 25-mode
 * grid, 3 × 128 ReLU MLPs, 2-D noise, batch 256, 5 critic steps with the
 * gradient penalty per generator step), measured in Debian's Chromium on the
 * wasm backend (SIMD) and on webgl (SwiftShader, a CPU implementation of the
 * GPU: there is no GPU here), with the same session in Node on wasm for
 * reference: all three stay warm and are timed in interleaved rounds in one
 * run, so load from other jobs on the machine hits each of them alike.
 *
 * Steps per second are read off the page's step counter over a window after a
 * warm-up (webgl compiles its shaders in the first steps), so they include
 * everything the page does: the views redrawn every 250 ms, mode coverage on
 * 2,500 samples, and the per-step read-back of the logged losses.
 *
 * Usage: pnpm --filter @gankit/playground bench [--seconds 20 --rounds 3]
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

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { seconds: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

interface Measurement {
  readonly stepsPerSecond: number;
  readonly steps: number;
  readonly seconds: number;
  readonly loadAverage: number;
}

/** Something that trains the default setup and can be timed for a while. */
interface Runner {
  readonly where: string;
  readonly backend: string;
  measure(): Promise<Measurement>;
  close(): Promise<void>;
}

async function browserRunner(backend: 'wasm' | 'webgl', url: string): Promise<Runner> {
  const browser = await launchChromium({ gpu: backend === 'webgl' ? 'swiftshader' : 'disabled' });
  const page = await browser.context.newPage();
  await page.goto(`${url}?backend=${backend}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  const shown = (await page.textContent('[data-testid="backend-name"]')) ?? '';
  if (!shown.startsWith(backend)) throw new Error(`asked for ${backend}, the page runs ${shown}`);
  const count = async (): Promise<number> => Number(await page.textContent('[data-testid="step-count"]'));
  // Warm-up: webgl compiles every shader during the first steps.
  await page.click('[data-testid="start"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="step-count"]')?.textContent) >= 5, undefined, { timeout: 600_000, polling: 100 });
  await page.click('[data-testid="pause"]');
  return {
    where: 'Chromium',
    backend: shown,
    async measure() {
      await page.click('[data-testid="start"]');
      await page.waitForTimeout(1000);
      const s0 = await count();
      const t0 = performance.now();
      await page.waitForTimeout(seconds * 1000);
      const s1 = await count();
      const elapsed = (performance.now() - t0) / 1000;
      await page.click('[data-testid="pause"]');
      await page.waitForTimeout(500);
      return { stepsPerSecond: (s1 - s0) / elapsed, steps: s1 - s0, seconds: elapsed, loadAverage: loadavg()[0]! };
    },
    close: () => browser.close(),
  };
}

async function nodeRunner(): Promise<Runner> {
  const info = await initBackend();
  const session = new Session(defaultSettings());
  for (let i = 0; i < 5; i++) await session.trainStep();
  return {
    where: 'Node (no page)',
    backend: `${info.backend}${info.simd ? ' (SIMD)' : ''}`,
    async measure() {
      const t0 = performance.now();
      let steps = 0;
      while (performance.now() - t0 < seconds * 1000) {
        await session.trainStep();
        steps++;
      }
      const elapsed = (performance.now() - t0) / 1000;
      return { stepsPerSecond: steps / elapsed, steps, seconds: elapsed, loadAverage: loadavg()[0]! };
    },
    close: async () => session.dispose(),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const server = await serveStatic(await buildApp());
const runners: Runner[] = [];
const results = new Map<Runner, Measurement[]>();
try {
  runners.push(await browserRunner('wasm', server.url));
  runners.push(await browserRunner('webgl', server.url));
  runners.push(await nodeRunner());
  // Rounds interleave the three, so a burst of load from other jobs hits all of them.
  for (let round = 0; round < rounds; round++) {
    for (const r of runners) {
      const m = await r.measure();
      results.set(r, [...(results.get(r) ?? []), m]);
      console.log(`round ${round + 1}: ${r.where} ${r.backend}: ${m.stepsPerSecond.toFixed(2)} steps/s (load ${m.loadAverage.toFixed(1)})`);
    }
  }
} finally {
  for (const r of runners) await r.close();
  await server.close();
}

const chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
console.log(`\nDefault setup (WGAN-GP, grid, 3×128 MLPs, batch 256, 5 critic steps); ${cpus().length} × ${cpus()[0]?.model}; ${chromium}`);
console.log(`${rounds} interleaved rounds of ${seconds} s each; median and range\n`);
console.log('| where | backend | steps/s (median) | range | ms/step (median) | 1-min load |');
console.log('| --- | --- | --- | --- | --- | --- |');
const summary = runners.map((r) => {
  const ms = results.get(r) ?? [];
  const rates = ms.map((m) => m.stepsPerSecond);
  const loads = ms.map((m) => m.loadAverage);
  const row = { where: r.where, backend: r.backend, median: median(rates), min: Math.min(...rates), max: Math.max(...rates), loadMin: Math.min(...loads), loadMax: Math.max(...loads), rounds: ms };
  console.log(`| ${row.where} | ${row.backend} | ${row.median.toFixed(2)} | ${row.min.toFixed(2)}–${row.max.toFixed(2)} | ${(1000 / row.median).toFixed(0)} | ${row.loadMin.toFixed(1)}–${row.loadMax.toFixed(1)} |`);
  return row;
});
mkdirSync(ARTIFACTS_DIR, { recursive: true });
const out = join(ARTIFACTS_DIR, 'steps-per-second.json');
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), chromium, cpus: cpus().length, cpu: cpus()[0]?.model, seconds, rounds, summary }, null, 2)}\n`);
console.log(`\nwrote ${out.slice(APP_DIR.length + 1)}`);
