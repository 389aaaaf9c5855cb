import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../engine/device-check';
import { wizardVicunaGgufRecords, wizardVicunaMlcRecords } from './records';
import { assessModel } from './runnability';

const gpu: DeviceReport = { webgpu: true, adapter: true, adapterName: 'nvidia', shaderF16: true, maxBufferSize: 4e9, maxStorageBufferBindingSize: 2e9, wasmForGguf: true, software: false };
const [f16, f32] = wizardVicunaMlcRecords('https://h/');
const gguf = wizardVicunaGgufRecords()[0]!;

describe('assessModel', () => {
  it('runs MLC builds on a GPU with shader-f16', () => {
    expect(assessModel(f16!, gpu)).toMatchObject({ ok: true, target: 'gpu' });
  });
  it('refuses the f16 build without shader-f16 and names the q4f32 build', () => {
    const v = assessModel(f16!, { ...gpu, shaderF16: false });
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/q4f32_1/);
    expect(assessModel(f32!, { ...gpu, shaderF16: false }).ok).toBe(true);
  });
  it('says what will run when there is no WebGPU', () => {
    const none = { ...gpu, webgpu: false, adapter: false };
    expect(assessModel(f32!, none)).toMatchObject({ ok: false });
    expect(assessModel(f32!, none).message).toMatch(/GGUF/);
    expect(assessModel(gguf, none)).toMatchObject({ ok: true, target: 'cpu', gpuLayers: 0 });
  });
  it('puts GGUF on the CPU on a software GPU', () => {
    expect(assessModel(gguf, { ...gpu, software: true, shaderF16: false })).toMatchObject({ ok: true, target: 'cpu', gpuLayers: 0 });
  });
  it('refuses GGUF without JSPI/Memory64', () => {
    expect(assessModel(gguf, { ...gpu, wasmForGguf: false }).ok).toBe(false);
  });
});
