/**
 * Child process of the exact-resume test: loads each kind's checkpoint in a
 * fresh process, trains N more steps, and prints the fingerprints as JSON.
 * Usage: node --conditions=@gankit/source --import tsx resumeChild.ts <cpu|wasm> <dir> <N>
 */
import { initBackend } from '@gankit/backend';
import '../index.node.js';
import { RESUME_KINDS, buildResumeTrainer, fingerprint, resumeData } from './resumeFixture.js';

const [backend, dir, n] = process.argv.slice(2);
await initBackend({ backend: backend as 'cpu' | 'wasm', quiet: true });
const steps = Number(n);
const out: Record<string, number[]> = {};
for (const kind of RESUME_KINDS) {
  const trainer = buildResumeTrainer(kind);
  const info = await trainer.load(`file://${dir}/${kind}`);
  await trainer.fit(resumeData(kind, info.step * trainer.batchesPerStep), { steps });
  out[kind] = fingerprint(trainer);
}
process.stdout.write(JSON.stringify(out));
