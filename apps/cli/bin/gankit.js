#!/usr/bin/env node
// Installed entry point: runs the compiled CLI (see `pnpm build`).
import '../dist/main.js';
