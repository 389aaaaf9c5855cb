import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../device-check';
import { assertMlcCanRun } from './mlc-device';

const swiftshader: DeviceReport = {
  webgpu: true,
  adapter: true,
  adapterName: 'google swiftshader',
  shaderF16: false,
  maxBufferSize: 2 ** 31,
  maxStorageBufferBindingSize: 2 ** 30,
  wasmForGguf: true,
  software: true,
};
const noExtras = () => false;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
}

describe('assertMlcCanRun', () => {
  it('describes the backend of an f32 build', () => {
    expect(assertMlcCanRun(swiftshader, [], noExtras)).toBe('WebGPU (f32) on google swiftshader, software rendering: slow');
  });

  it('refuses a q4f16 build without shader-f16, pointing to q4f32_1 or GGUF', () => {
    expect(codeOf(() => assertMlcCanRun(swiftshader, ['shader-f16'], noExtras))).toBe('shader-f16-unsupported');
    expect(() => assertMlcCanRun(swiftshader, ['shader-f16'], noExtras)).toThrow(/q4f32_1.*GGUF/);
  });

  it('accepts shader-f16 when present', () => {
    const gpu = { ...swiftshader, shaderF16: true, software: false, adapterName: 'nvidia ampere' };
    expect(assertMlcCanRun(gpu, ['shader-f16'], (f) => f === 'shader-f16')).toBe('WebGPU (shader-f16) on nvidia ampere');
  });

  it('refuses without WebGPU, without an adapter, or with tiny limits', () => {
    expect(codeOf(() => assertMlcCanRun({ ...swiftshader, webgpu: false, adapter: false }, [], noExtras))).toBe('webgpu-unavailable');
    expect(codeOf(() => assertMlcCanRun({ ...swiftshader, adapter: false }, [], noExtras))).toBe('webgpu-unavailable');
    expect(codeOf(() => assertMlcCanRun({ ...swiftshader, maxStorageBufferBindingSize: 2 ** 20 }, [], noExtras))).toBe('webgpu-unavailable');
  });

  it('names any other missing feature', () => {
    expect(() => assertMlcCanRun(swiftshader, ['subgroups'], noExtras)).toThrow(/"subgroups"/);
  });
});
