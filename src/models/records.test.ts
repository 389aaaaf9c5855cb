import { describe, expect, it } from 'vitest';
import { customModelRecord, MLC_LIB_BASE, mlcWeightsUrl, otherMlcRecords, wizardVicunaGgufRecords, wizardVicunaMlcRecords } from './records';
import { VICUNA_CONV_TEMPLATE } from './vicuna';

describe('WizardVicuna MLC records', () => {
  const records = wizardVicunaMlcRecords('https://models.example.org/wv');

  it('offers 7B q4f16_1, 7B q4f32_1 and 13B q4f16_1', () => {
    expect(records.map((r) => r.id)).toEqual(['WizardVicuna-7B-q4f16_1-MLC', 'WizardVicuna-7B-q4f32_1-MLC', 'WizardVicuna-13B-q4f16_1-MLC']);
  });

  it('reuse the Llama-2 libs of web-llm 0.2.86 with the matching quantization', () => {
    const libs = records.map((r) => (r.source.kind === 'mlc' ? r.source.modelLibUrl : ''));
    expect(libs).toEqual([
      `${MLC_LIB_BASE}Llama-2-7b-chat-hf-q4f16_1_cs1k-webgpu.wasm`,
      `${MLC_LIB_BASE}Llama-2-7b-chat-hf-q4f32_1_cs1k-webgpu.wasm`,
      `${MLC_LIB_BASE}Llama-2-13b-chat-hf-q4f16_1_cs1k-webgpu.wasm`,
    ]);
    expect(MLC_LIB_BASE).toContain('/v0_2_86/');
  });

  it('carry the Vicuna conv_template, a 2048-token context and the f16 requirement', () => {
    for (const r of records) {
      expect(r.contextWindow).toBe(2048);
      expect(r.promptFormat).toBe('vicuna-v1.1');
      if (r.source.kind !== 'mlc') throw new Error('expected mlc');
      expect(r.source.overrides).toEqual({ conv_template: VICUNA_CONV_TEMPLATE, context_window_size: 2048 });
      expect(r.source.requiredFeatures).toEqual(r.quantization === 'q4f16_1' ? ['shader-f16'] : []);
      expect(r.requiresShaderF16).toBe(r.quantization === 'q4f16_1');
    }
  });

  it('put weights under the configured location as absolute folder URLs', () => {
    expect(records[0]!.source).toMatchObject({ modelUrl: 'https://models.example.org/wv/WizardVicuna-7B-q4f16_1-MLC/' });
    expect(mlcWeightsUrl('https://h.org/a/', 'F')).toBe('https://h.org/a/F/');
  });
});

describe('WizardVicuna GGUF records', () => {
  it("point at TheBloke's public files through resolve/main", () => {
    const urls = wizardVicunaGgufRecords().map((r) => (r.source.kind === 'gguf' ? r.source.urls[0] : ''));
    expect(urls).toContain('https://huggingface.co/TheBloke/Wizard-Vicuna-7B-Uncensored-GGUF/resolve/main/Wizard-Vicuna-7B-Uncensored.Q4_K_M.gguf');
    expect(urls).toContain('https://huggingface.co/TheBloke/wizard-vicuna-13B-GGUF/resolve/main/wizard-vicuna-13b.Q4_K_M.gguf');
    for (const r of wizardVicunaGgufRecords()) {
      expect(r.promptFormat).toBe('vicuna-v1.1');
      expect(r.contextWindow).toBe(2048);
    }
  });
});

describe('other records', () => {
  it('map web-llm prebuilt entries', () => {
    const [r] = otherMlcRecords([
      { model: 'https://huggingface.co/mlc-ai/X-1B-q4f32_1-MLC', model_id: 'X-1B-q4f32_1-MLC', model_lib: 'https://l/x.wasm', vram_required_MB: 900.5, overrides: { context_window_size: 4096 } },
    ]);
    expect(r).toMatchObject({ id: 'X-1B-q4f32_1-MLC', quantization: 'q4f32_1', memoryMB: 901, contextWindow: 4096, promptFormat: 'model-template', requiresShaderF16: false });
  });

  it('build custom MLC records with the Vicuna template when asked', () => {
    const r = customModelRecord({ id: 'custom:2', name: 'Mine', engine: 'mlc', urls: ['https://h/WV-7B-q4f16_1-MLC/'], modelLibUrl: 'https://h/lib.wasm', promptFormat: 'vicuna-v1.1' });
    expect(r).toMatchObject({ engine: 'mlc', quantization: 'q4f16_1', requiresShaderF16: true, source: { kind: 'mlc', modelLibUrl: 'https://h/lib.wasm', requiredFeatures: ['shader-f16'] } });
    expect(r.source.kind === 'mlc' && r.source.overrides.conv_template).toEqual(VICUNA_CONV_TEMPLATE);
  });

  it('build custom GGUF records with their prompt format', () => {
    const r = customModelRecord({ id: 'custom:1', name: 'Tiny', urls: ['http://127.0.0.1/m.Q4_K_M.gguf'], promptFormat: 'plain' });
    expect(r).toMatchObject({ engine: 'gguf', group: 'custom', quantization: 'Q4_K_M', promptFormat: 'plain', source: { kind: 'gguf', urls: ['http://127.0.0.1/m.Q4_K_M.gguf'] } });
  });
});
