import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './index.js';
import * as node from './index.node.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module specifier imported (transitively, through relative imports) from `entry`. */
function importGraph(entry: string): { files: Set<string>; externals: Set<string> } {
  const files = new Set<string>();
  const externals = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
      else externals.add(spec!);
    }
  };
  visit(entry);
  return { files, externals };
}

describe('package entries', () => {
  it('keeps Node-only modules (node:*, pngjs, jpeg-js) out of the browser entry', () => {
    const { externals } = importGraph(join(here, 'index.ts'));
    expect([...externals].sort()).toEqual(['@tensorflow/tfjs']);
  });

  it('exports everything from the browser entry in the Node entry too', () => {
    expect(Object.keys(node)).toEqual(expect.arrayContaining(Object.keys(browser)));
    expect(Object.keys(node)).toEqual(expect.arrayContaining(['loadMnist', 'loadIdxPair', 'loadImageFolder', 'digitDomains', 'writeImageGrid']));
  });
});
