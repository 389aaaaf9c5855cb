/**
 * Writes a small fake MLC model folder (the file layout web-llm expects, with
 * random weights) and a few stand-in model libraries into a temp directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VICUNA_CONV_TEMPLATE } from '../../src/models/vicuna';
import { buildWasm, OLD_RUNTIME_MODEL_LIB, STUB_MODEL_LIB } from './wasm-module';

export const VICUNA_TEMPLATE = VICUNA_CONV_TEMPLATE;

export interface FakeModel {
  /** Folder name under the models root. */
  folder: string;
  /** Every file of the folder with its size, relative to the folder's resolve/main/. */
  files: Record<string, number>;
  shards: string[];
}

export interface FakeMlcFixtures {
  root: string;
  modelsDir: string;
  libsDir: string;
  /** Uses tensor-cache.json, served as <folder>/resolve/main/. */
  model: FakeModel;
  /** An older conversion with ndarray-cache.json only. */
  legacyModel: FakeModel;
  libs: Record<'stub' | 'oldRuntime' | 'garbage', { file: string; bytes: number }>;
}

function writeModel(modelsDir: string, folder: string, indexName: string, shardSizes: number[]): FakeModel {
  const dir = join(modelsDir, folder, 'resolve', 'main');
  mkdirSync(dir, { recursive: true });
  const files: Record<string, number> = {};
  const write = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data);
    files[name] = Buffer.byteLength(data);
  };
  const shards = shardSizes.map((nbytes, i) => {
    const dataPath = `params_shard_${i}.bin`;
    write(dataPath, randomBytes(nbytes));
    return { dataPath, format: 'raw-shard', nbytes, records: [{ name: `param_${i}`, shape: [nbytes / 4], dtype: 'float32', format: 'raw', nbytes, byteOffset: 0 }] };
  });
  const total = shardSizes.reduce((a, b) => a + b, 0);
  write(indexName, JSON.stringify({ metadata: { ParamSize: total / 4, ParamBytes: total, BitsPerParam: 32 }, records: shards }));
  write(
    'mlc-chat-config.json',
    JSON.stringify({
      model_type: 'llama',
      quantization: 'q4f32_1',
      context_window_size: 2048,
      prefill_chunk_size: 1024,
      vocab_size: 32000,
      tokenizer_files: ['tokenizer.json', 'tokenizer_config.json'],
      conv_template: VICUNA_TEMPLATE,
    }),
  );
  write('tokenizer.json', JSON.stringify({ version: '1.0', model: { type: 'BPE', vocab: { '<unk>': 0, '<s>': 1, '</s>': 2 }, merges: [] } }));
  return { folder, files, shards: shards.map((s) => s.dataPath) };
}

export function writeFakeMlcFixtures(): FakeMlcFixtures {
  const root = mkdtempSync(join(tmpdir(), 'wv-mlc-'));
  const modelsDir = join(root, 'models');
  const libsDir = join(root, 'libs');
  mkdirSync(libsDir, { recursive: true });
  const lib = (file: string, data: Uint8Array) => {
    writeFileSync(join(libsDir, file), data);
    return { file, bytes: data.byteLength };
  };
  return {
    root,
    modelsDir,
    libsDir,
    model: writeModel(modelsDir, 'WizardVicuna-test-q4f32_1-MLC', 'tensor-cache.json', [384 * 1024, 320 * 1024, 96 * 1024]),
    legacyModel: writeModel(modelsDir, 'WizardVicuna-legacy-q4f32_1-MLC', 'ndarray-cache.json', [64 * 1024, 32 * 1024]),
    libs: {
      stub: lib('stub-webgpu.wasm', buildWasm(STUB_MODEL_LIB)),
      oldRuntime: lib('v0_2_48-webgpu.wasm', buildWasm(OLD_RUNTIME_MODEL_LIB)),
      garbage: lib('garbage-webgpu.wasm', new TextEncoder().encode('<!doctype html><title>Not a model library</title>')),
    },
  };
}
