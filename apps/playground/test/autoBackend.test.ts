import { describe, expect, it } from 'vitest';
import { autoReason } from '../src/autoReason.js';
import { softwareRenderer } from '../src/backendProbes.js';

describe('telling a software WebGL renderer from a GPU', () => {
  it('names SwiftShader, llvmpipe and Windows’ basic renderer as software', () => {
    expect(softwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('SwiftShader');
    expect(softwareRenderer('Google SwiftShader')).toBe('SwiftShader');
    expect(softwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('Microsoft Basic Render Driver');
  });

  it('takes hardware renderers for GPUs', () => {
    expect(softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBeUndefined();
    expect(softwareRenderer('ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)')).toBeUndefined();
    expect(softwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBeUndefined();
  });
});

describe('the line the page shows for an auto choice', () => {
  it('gives the chosen rate against every other timed backend, and why the rest were not timed', () => {
    const wasm = { backend: 'wasm', stepsPerSecond: 5.43, detail: '1 thread' };
    const line = autoReason(wasm, [
      { backend: 'wasm', stepsPerSecond: 1.2, detail: '2 threads' },
      { backend: 'webgpu', skipped: 'no WebGPU adapter (no GPU, or WebGPU is disabled)' },
      { backend: 'webgl', stepsPerSecond: 0.68, detail: 'SwiftShader, software' },
      wasm,
    ]);
    expect(line).toBe('chosen: 5.4 steps/s vs wasm 1.2 (2 threads), webgl 0.7 (SwiftShader, software); webgpu: no WebGPU adapter (no GPU, or WebGPU is disabled)');
  });

  it('says when the chosen backend was the only one that ran, and when it is the cpu fallback', () => {
    const wasm = { backend: 'wasm', stepsPerSecond: 12.4 };
    expect(autoReason(wasm, [wasm, { backend: 'webgl', skipped: 'no WebGL context' }])).toBe(
      'chosen: 12 steps/s, the only one that ran; webgl: no WebGL context',
    );
    expect(autoReason(undefined, [{ backend: 'wasm', skipped: 'failed to initialise' }])).toBe('the fallback: no other backend ran; wasm: failed to initialise');
  });
});
