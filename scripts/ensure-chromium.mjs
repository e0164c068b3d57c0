#!/usr/bin/env node
// The playground's browser tests drive Debian's Chromium (browsers cannot be
// downloaded here). Installs it with apt-get when it is missing and we are root.
//
// Another apt-get or dpkg may hold the package lock (a fresh machine often runs
// one): apt waits for the lock up to LOCK_WAIT seconds, and a failed install is
// tried once more. If Chromium is still missing after that, this exits 1 with
// the reason, so `pnpm test` stops there instead of skipping the browser tests.
// Without root or apt it only says how to install Chromium; the browser tests
// then fail with that message.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOCK_WAIT = 600;
if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.warn(`ensure-chromium: ${path} is missing; install Debian's chromium (apt-get install -y chromium) for the browser tests`);
  process.exit(0);
}

const apt = `apt-get -o DPkg::Lock::Timeout=${LOCK_WAIT} -qq`;
const install = `${apt} update && DEBIAN_FRONTEND=noninteractive ${apt} install -y chromium > /dev/null`;
for (let attempt = 1; attempt <= 2; attempt++) {
  console.log(`ensure-chromium: installing Debian chromium for the browser tests (apt-get, attempt ${attempt} of 2; waits up to ${LOCK_WAIT} s for another apt to finish)`);
  const r = spawnSync('sh', ['-c', install], { stdio: 'inherit' });
  if (r.status === 0 && existsSync(path)) process.exit(0);
  console.warn(r.status === 0 ? `ensure-chromium: apt-get finished, but ${path} is still missing` : `ensure-chromium: apt-get exited with ${r.status ?? r.signal}`);
}
console.error(
  `ensure-chromium: could not install chromium at ${path} with apt-get (see above), so the playground's browser tests cannot run.\n` +
    `Install it by hand (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary, then run the tests again.`,
);
process.exit(1);
