/**
 * The model catalog: WizardVicuna builds first, then web-llm's own prebuilt
 * models as "other models". A record says everything the UI shows before a
 * download (size, memory, what the device needs) and how to load it.
 */
import type { EngineSource } from '../engine/port';
import { VICUNA_CONV_TEMPLATE } from './vicuna';

export type PromptFormat = 'vicuna-v1.1' | 'model-template' | 'plain';

export interface ModelRecord {
  id: string;
  name: string;
  engine: 'mlc' | 'gguf';
  group: 'wizard-vicuna' | 'other' | 'custom';
  parameters: string;
  quantization: string;
  /** Bytes to download (approximate for catalog models). */
  downloadBytes: number;
  /** Memory needed to run, in MB (GPU memory for MLC, RAM for GGUF on CPU). */
  memoryMB: number;
  contextWindow: number;
  promptFormat: PromptFormat;
  /** MLC builds with f16 weights need the shader-f16 WebGPU feature. */
  requiresShaderF16: boolean;
  source: EngineSource;
  notes?: string;
}

/** The addresses a model's files come from (nothing for files imported from disk). */
export function sourceUrls(source: EngineSource): string[] {
  const urls = source.kind === 'gguf' ? source.urls : [source.modelUrl, source.modelLibUrl];
  return urls.filter((u) => /^https?:/.test(u));
}

/** web-llm 0.2.86 model libraries (Llama-2 shapes fit WizardVicuna: Llama-1 architecture). */
export const MLC_LIB_BASE = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';
export const WIZARD_VICUNA_CONTEXT = 2048;

interface MlcVariant {
  id: string;
  parameters: '7B' | '13B';
  quantization: 'q4f16_1' | 'q4f32_1';
  lib: string;
  downloadBytes: number;
  memoryMB: number;
  notes?: string;
}

const MLC_VARIANTS: MlcVariant[] = [
  { id: 'WizardVicuna-7B-q4f16_1-MLC', parameters: '7B', quantization: 'q4f16_1', lib: 'Llama-2-7b-chat-hf-q4f16_1_cs1k-webgpu.wasm', downloadBytes: 3.79e9, memoryMB: 5330 },
  {
    id: 'WizardVicuna-7B-q4f32_1-MLC', parameters: '7B', quantization: 'q4f32_1', lib: 'Llama-2-7b-chat-hf-q4f32_1_cs1k-webgpu.wasm', downloadBytes: 3.95e9, memoryMB: 6560,
    notes: 'For GPUs without shader-f16.',
  },
  { id: 'WizardVicuna-13B-q4f16_1-MLC', parameters: '13B', quantization: 'q4f16_1', lib: 'Llama-2-13b-chat-hf-q4f16_1_cs1k-webgpu.wasm', downloadBytes: 7.3e9, memoryMB: 9100 },
];

/** Folder URL of an MLC build under the configured weights location. */
export function mlcWeightsUrl(base: string, folder: string): string {
  return new URL(folder.replace(/\/?$/, '/'), base.replace(/\/?$/, '/')).href;
}

export function wizardVicunaMlcRecords(weightsBase: string): ModelRecord[] {
  return MLC_VARIANTS.map((v) => ({
    id: v.id,
    name: `WizardVicuna ${v.parameters} (${v.quantization}, MLC)`,
    engine: 'mlc',
    group: 'wizard-vicuna',
    parameters: v.parameters,
    quantization: v.quantization,
    downloadBytes: v.downloadBytes,
    memoryMB: v.memoryMB,
    contextWindow: WIZARD_VICUNA_CONTEXT,
    promptFormat: 'vicuna-v1.1',
    requiresShaderF16: v.quantization === 'q4f16_1',
    notes: v.notes,
    source: {
      kind: 'mlc',
      modelUrl: mlcWeightsUrl(weightsBase, v.id),
      modelLibUrl: MLC_LIB_BASE + v.lib,
      overrides: { conv_template: VICUNA_CONV_TEMPLATE, context_window_size: WIZARD_VICUNA_CONTEXT },
      requiredFeatures: v.quantization === 'q4f16_1' ? ['shader-f16'] : [],
    },
  }));
}

const HF = 'https://huggingface.co/';

interface GgufVariant {
  repo: string;
  file: string;
  parameters: '7B' | '13B';
  quantization: string;
  downloadBytes: number;
  memoryMB: number;
  label: string;
}

/** TheBloke's public GGUF builds (every file is over 2 GB). */
const GGUF_VARIANTS: GgufVariant[] = [
  { repo: 'TheBloke/Wizard-Vicuna-7B-Uncensored-GGUF', file: 'Wizard-Vicuna-7B-Uncensored.Q4_K_M.gguf', parameters: '7B', quantization: 'Q4_K_M', downloadBytes: 4.08e9, memoryMB: 6580, label: 'WizardVicuna 7B Uncensored' },
  { repo: 'TheBloke/Wizard-Vicuna-7B-Uncensored-GGUF', file: 'Wizard-Vicuna-7B-Uncensored.Q2_K.gguf', parameters: '7B', quantization: 'Q2_K', downloadBytes: 2.83e9, memoryMB: 5330, label: 'WizardVicuna 7B Uncensored' },
  { repo: 'TheBloke/wizard-vicuna-13B-GGUF', file: 'wizard-vicuna-13b.Q4_K_M.gguf', parameters: '13B', quantization: 'Q4_K_M', downloadBytes: 7.87e9, memoryMB: 10370, label: 'WizardVicuna 13B' },
  { repo: 'TheBloke/wizard-vicuna-13B-GGUF', file: 'wizard-vicuna-13b.Q2_K.gguf', parameters: '13B', quantization: 'Q2_K', downloadBytes: 5.43e9, memoryMB: 7930, label: 'WizardVicuna 13B' },
];

export function wizardVicunaGgufRecords(): ModelRecord[] {
  return GGUF_VARIANTS.map((v) => ({
    id: `gguf:${v.repo}/${v.file}`,
    name: `${v.label} (${v.quantization}, GGUF)`,
    engine: 'gguf',
    group: 'wizard-vicuna',
    parameters: v.parameters,
    quantization: v.quantization,
    downloadBytes: v.downloadBytes,
    memoryMB: v.memoryMB,
    contextWindow: WIZARD_VICUNA_CONTEXT,
    promptFormat: 'vicuna-v1.1',
    requiresShaderF16: false,
    source: { kind: 'gguf', urls: [`${HF}${v.repo}/resolve/main/${v.file}`] },
  }));
}

/** One entry of web-llm's prebuilt catalog, as extracted at build time. */
export interface PrebuiltMlcModel {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  required_features?: string[];
  overrides?: { context_window_size?: number };
}

export function otherMlcRecords(prebuilt: readonly PrebuiltMlcModel[]): ModelRecord[] {
  return prebuilt.map((m) => {
    const quantization = /q\d+f\d+_\d/.exec(m.model_id)?.[0] ?? 'unknown';
    const contextWindow = m.overrides?.context_window_size ?? 4096;
    return {
      id: m.model_id,
      name: m.model_id.replace('-MLC', ''),
      engine: 'mlc',
      group: 'other',
      parameters: /(\d+(?:\.\d+)?[BM])/i.exec(m.model_id)?.[1] ?? '',
      quantization,
      downloadBytes: 0,
      memoryMB: Math.round(m.vram_required_MB ?? 0),
      contextWindow,
      promptFormat: 'model-template',
      requiresShaderF16: (m.required_features ?? []).includes('shader-f16'),
      source: { kind: 'mlc', modelUrl: m.model, modelLibUrl: m.model_lib, overrides: { context_window_size: contextWindow }, requiredFeatures: m.required_features ?? [] },
    };
  });
}

/** A model the person added: a GGUF file by URL or from disk, or an MLC build by URL or folder. */
export function customModelRecord(input: {
  id: string;
  name: string;
  engine?: 'gguf' | 'mlc';
  urls: string[];
  modelLibUrl?: string;
  quantization?: string;
  promptFormat: PromptFormat;
  downloadBytes?: number;
  contextWindow?: number;
}): ModelRecord {
  const base = {
    id: input.id,
    name: input.name,
    group: 'custom' as const,
    parameters: '',
    downloadBytes: input.downloadBytes ?? 0,
    memoryMB: 0,
    contextWindow: input.contextWindow ?? WIZARD_VICUNA_CONTEXT,
    promptFormat: input.promptFormat,
  };
  if (input.engine === 'mlc') {
    const quantization = input.quantization ?? /q\d+f\d+_\d/.exec(input.urls[0] ?? '')?.[0] ?? 'unknown quantization';
    const f16 = /^q\d+f16/.test(quantization);
    return {
      ...base,
      engine: 'mlc',
      quantization,
      requiresShaderF16: f16,
      source: {
        kind: 'mlc',
        modelUrl: input.urls[0] ?? '',
        modelLibUrl: input.modelLibUrl ?? '',
        overrides: { ...(input.promptFormat === 'vicuna-v1.1' ? { conv_template: VICUNA_CONV_TEMPLATE } : {}), context_window_size: base.contextWindow },
        requiredFeatures: f16 ? ['shader-f16'] : [],
      },
    };
  }
  return {
    ...base,
    engine: 'gguf',
    quantization: /\b(I?Q\d[\w]*|F16|F32|BF16)\b/i.exec(input.urls[0] ?? '')?.[1]?.toUpperCase() ?? 'unknown quantization',
    requiresShaderF16: false,
    source: { kind: 'gguf', urls: input.urls },
  };
}
