/**
 * Child process of the translation trainers' exact-resume test: for each
 * backend, loads the kind's checkpoint in this fresh process, trains N more
 * steps, and prints the fingerprints as JSON.
 * Usage: node --conditions=@gankit/source --import tsx translationResumeChild.ts <cyclegan|unit> <dir> <N> <backend,...>
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import '../index.node.js';
import { buildTranslationTrainer, translationFingerprint, unpairedData } from './translation.js';
import type { TranslationKind } from './translation.js';

const [kind, dir, n, backends] = process.argv.slice(2) as [TranslationKind, string, string, string];
await initBackend({ quiet: true });
const out: Record<string, number[]> = {};
for (const backend of backends.split(',')) {
  await tf.setBackend(backend);
  await tf.ready();
  const trainer = buildTranslationTrainer(kind);
  const info = await trainer.load(`file://${dir}/${kind}-${backend}`);
  await trainer.fit(unpairedData(info.step), { steps: Number(n) });
  out[backend] = translationFingerprint(trainer);
  trainer.dispose();
}
process.stdout.write(JSON.stringify(out));
