#!/usr/bin/env node
// The playground's browser tests drive Debian's Chromium (browsers cannot be
// downloaded here). Installs it with apt-get when it is missing and we are root;
// otherwise says how. Exits 0 either way: the browser test itself fails with a
// clear message if Chromium is still missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.warn(`ensure-chromium: ${path} is missing; install Debian's chromium (apt-get install -y chromium) for the browser tests`);
  process.exit(0);
}
console.log('ensure-chromium: installing Debian chromium for the browser tests (apt-get)');
const r = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null'], { stdio: 'inherit' });
process.exit(r.status === 0 ? 0 : (console.warn('ensure-chromium: apt-get failed'), 0));
