import { describe, expect, it } from 'vitest';
import { displayPath, userDirectory } from './displayPath.js';

const CLI = '/repo/apps/cli';

describe('userDirectory', () => {
  it('is the working directory when no package manager ran the command', () => {
    expect(userDirectory({ cwd: CLI, env: {} })).toBe(CLI);
  });
  it("is pnpm's INIT_CWD when set", () => {
    expect(userDirectory({ cwd: CLI, env: { INIT_CWD: '/repo' } })).toBe('/repo');
  });
  it("prefers turbo's TURBO_INVOCATION_DIR to INIT_CWD (under turbo, INIT_CWD is the package directory)", () => {
    expect(userDirectory({ cwd: CLI, env: { INIT_CWD: CLI, TURBO_INVOCATION_DIR: '/repo' } })).toBe('/repo');
  });
  it('ignores an empty INIT_CWD', () => {
    expect(userDirectory({ cwd: CLI, env: { INIT_CWD: '' } })).toBe(CLI);
  });
});

describe('displayPath', () => {
  it("names apps/cli's ../../runs/x as runs/x for a user at the root (pnpm start)", () => {
    expect(displayPath('../../runs/x', { cwd: CLI, env: { TURBO_INVOCATION_DIR: '/repo', INIT_CWD: CLI } })).toBe('runs/x');
  });
  it('keeps a path relative to the working directory when no package manager ran the command', () => {
    expect(displayPath('runs/x', { cwd: '/repo', env: {} })).toBe('runs/x');
  });
  it('keeps a climb of two directories (cd apps/cli && pnpm start)', () => {
    expect(displayPath('../../runs/x', { cwd: CLI, env: { INIT_CWD: CLI } })).toBe('../../runs/x');
  });
  it('prints the absolute path when relative would climb more than two directories', () => {
    expect(displayPath('/tmp/run', { cwd: CLI, env: { INIT_CWD: CLI } })).toBe('/tmp/run');
  });
  it('resolves a relative target against the working directory before going absolute', () => {
    expect(displayPath('../../../elsewhere/run', { cwd: CLI, env: { INIT_CWD: '/repo/apps/cli/src' } })).toBe('/elsewhere/run');
  });
  it('shortens an absolute path inside the user directory', () => {
    expect(displayPath('/repo/runs/x/checkpoint', { cwd: CLI, env: { INIT_CWD: '/repo' } })).toBe('runs/x/checkpoint');
  });
  it('prints the user directory itself as .', () => {
    expect(displayPath('..', { cwd: CLI, env: { INIT_CWD: '/repo/apps' } })).toBe('.');
  });
});
