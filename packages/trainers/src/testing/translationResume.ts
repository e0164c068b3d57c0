/** The exact-resume check of the translation trainers, shared by their two test files. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { useBackend } from '@gankit/test-utils';
import type { NodeBackend } from '@gankit/test-utils';
import { buildTranslationTrainer, translationFingerprint, unpairedData } from './translation.js';
import type { TranslationKind } from './translation.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * For each backend: trains 2N steps straight, and N steps then saves to `dir`;
 * a new process loads and trains N more. Returns the largest difference of
 * the fingerprints per backend.
 */
export async function resumeDifference(kind: TranslationKind, dir: string, n: number, backends: readonly NodeBackend[]): Promise<Record<string, number>> {
  const full: Record<string, number[]> = {};
  for (const backend of backends) {
    await useBackend(backend);
    const straight = buildTranslationTrainer(kind);
    await straight.fit(unpairedData(0), { steps: 2 * n });
    full[backend] = translationFingerprint(straight);
    straight.dispose();
    const half = buildTranslationTrainer(kind);
    await half.fit(unpairedData(0), { steps: n });
    await half.save(`file://${dir}/${kind}-${backend}`);
    half.dispose();
  }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@gankit/source', '--import', 'tsx', path.join(here, 'translationResumeChild.ts'), kind, dir, String(n), backends.join(',')],
    { cwd: path.resolve(here, '..', '..'), encoding: 'utf8' },
  );
  const resumed = JSON.parse(stdout) as Record<string, number[]>;
  const worst: Record<string, number> = {};
  for (const backend of backends) {
    const a = full[backend]!;
    const b = resumed[backend]!;
    worst[backend] = b.length !== a.length ? Infinity : Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
  }
  return worst;
}
