/**
 * A program that imports `@gankit/losses` without `@gankit/backend` must still
 * get ∂GP/∂θ and ∂R1/∂θ right: importing the losses registers the gradient
 * overrides of `@gankit/gradients`. Checked in a fresh Node process (every
 * other test file here imports `@gankit/backend`, which registers them too)
 * that imports only tfjs, the wasm backend and this package; see
 * secondOrderWithoutBackend.fixture.ts.
 *
 * Tolerance: max |analytic − FD| ≤ 1e-3 · max |FD|. With h = 5e-3 and
 * penalties of order 1–10 in float32, the central difference's truncation
 * error O(h²·P''') and rounding error O(ε·P/h) are both ~1e-5 relative; the
 * measured errors are 1–4e-5. With tfjs's stock Tanh gradient the same check
 * is off by ~18% (the control below).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from '@gankit/test-utils';
import type { Case } from './secondOrderWithoutBackend.fixture.js';

const FIXTURE = fileURLToPath(new URL('./secondOrderWithoutBackend.fixture.ts', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = import.meta.resolve('tsx');
const TOL = 1e-3;

interface Report {
  mode: 'patched' | 'stock';
  backendLoaded: boolean;
  patched: string[];
  restored: string[];
  cases: Case[];
  errors: { backend: string; activation: string; penalty: string; error: string }[];
}

/** Runs the fixture in a fresh Node process and parses the JSON line it prints. */
function runFixture(mode: 'patched' | 'stock'): Report {
  const r = spawnSync(process.execPath, ['--conditions=@gankit/source', '--import', TSX, FIXTURE, mode], { encoding: 'utf8', cwd: PACKAGE_ROOT });
  if (r.status !== 0) throw new Error(`fixture (${mode}) exited with ${String(r.status ?? r.signal)}:\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Report;
}

/** Relative error of the analytic gradient against finite differences, and how many elements sat at a kink. */
function compare(c: Case): { error: number; kinks: number } {
  const smooth = c.numeric.flatMap((v, i) => (v === null ? [] : [i]));
  const error = relativeError(
    smooth.map((i) => c.analytic[i]!),
    smooth.map((i) => c.numeric[i]!),
  );
  return { error, kinks: c.numeric.length - smooth.length };
}

function find(report: Report, backend: string, activation: string, penalty: string): Case {
  const c = report.cases.find((x) => x.backend === backend && x.activation === activation && x.penalty === penalty);
  if (c === undefined) {
    const failure = report.errors.find((x) => x.backend === backend && x.activation === activation && x.penalty === penalty);
    throw new Error(`no ${penalty} case for ${activation} on ${backend}${failure ? `: it threw ${failure.error}` : ''}`);
  }
  return c;
}

describe('second-order gradients with @gankit/losses and without @gankit/backend (fresh process)', () => {
  let report: Report;
  beforeAll(() => {
    report = runFixture('patched');
  });

  it('the process never loaded @gankit/backend, and importing the losses replaced the gradients', () => {
    expect(report.backendLoaded).toBe(false);
    expect(report.patched).toEqual(expect.arrayContaining(['Tanh', 'Sigmoid', 'Elu', 'LeakyRelu', 'Greater', 'Less']));
  });

  for (const backend of ['cpu', 'wasm']) {
    for (const activation of ['tanh', 'sigmoid', 'softplus', 'elu', 'leakyReLU']) {
      for (const penalty of ['gp', 'r1']) {
        it(`${backend}, ${activation} critic: ∂${penalty.toUpperCase()}/∂θ matches central finite differences`, () => {
          const { error, kinks } = compare(find(report, backend, activation, penalty));
          // Only the piecewise-linear critic may have weights whose ±h step crosses a kink.
          expect(kinks).toBeLessThanOrEqual(activation === 'leakyReLU' ? 4 : 0);
          expect(error).toBeLessThanOrEqual(TOL);
        });
      }
    }
  }
});

describe("the control: with tfjs's stock gradients restored after import, the same check fails", () => {
  let report: Report;
  beforeAll(() => {
    report = runFixture('stock');
  });

  it('the stock Tanh gradient was put back', () => {
    expect(report.backendLoaded).toBe(false);
    expect(report.restored).toContain('Tanh');
  });

  for (const backend of ['cpu', 'wasm']) {
    it(`${backend}, tanh critic: ∂GP/∂θ is off by more than 10%`, () => {
      expect(compare(find(report, backend, 'tanh', 'gp')).error).toBeGreaterThan(0.1);
    });
  }
});
