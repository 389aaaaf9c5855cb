import { describe, expect, it } from 'vitest';
import { cleanModelUrl, legacyTensorIndexUrl, MLC_CACHES, mlcModelFiles, modelLibFile, tokenizerFile } from './mlc-cache-shared';

const HF = 'https://huggingface.co/mlc-ai/Llama-2-7b-chat-hf-q4f16_1-MLC';
const LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Llama-2-7b-chat-hf-q4f16_1_cs1k-webgpu.wasm';

describe('cleanModelUrl (as web-llm 0.2.86)', () => {
  it('appends a slash and resolve/main/', () => {
    expect(cleanModelUrl(HF)).toBe(`${HF}/resolve/main/`);
    expect(cleanModelUrl(`${HF}/`)).toBe(`${HF}/resolve/main/`);
  });

  it('keeps an explicit revision', () => {
    expect(cleanModelUrl(`${HF}/resolve/abc123/`)).toBe(`${HF}/resolve/abc123/`);
    expect(cleanModelUrl(`${HF}/resolve/main`)).toBe(`${HF}/resolve/main/`);
  });

  it('normalises the URL like new URL().href', () => {
    expect(cleanModelUrl('HTTP://127.0.0.1:8080/models/a b')).toBe('http://127.0.0.1:8080/models/a%20b/resolve/main/');
  });
});

describe('mlcModelFiles', () => {
  const index = {
    records: [
      { dataPath: 'params_shard_0.bin', nbytes: 100 },
      { dataPath: 'params_shard_1.bin', nbytes: 50 },
    ],
  };

  it('lists every key web-llm reads, in its caches', () => {
    const m = `${HF}/resolve/main/`;
    const files = mlcModelFiles({ modelUrl: HF, modelLibUrl: LIB }, { tokenizer_files: ['tokenizer.json', 'tokenizer_config.json'] }, index);
    expect(files.map((f) => [f.kind, f.cacheName, f.url, f.bytes])).toEqual([
      ['config', MLC_CACHES.config, `${m}mlc-chat-config.json`, undefined],
      ['tensor-index', MLC_CACHES.model, `${m}tensor-cache.json`, undefined],
      ['model-lib', MLC_CACHES.wasm, LIB, undefined],
      ['tokenizer', MLC_CACHES.model, `${m}tokenizer.json`, undefined],
      ['params', MLC_CACHES.model, `${m}params_shard_0.bin`, 100],
      ['params', MLC_CACHES.model, `${m}params_shard_1.bin`, 50],
    ]);
  });

  it('falls back to tokenizer.model, and reports no tokenizer when none is named', () => {
    expect(tokenizerFile(HF, { tokenizer_files: ['tokenizer.model'] })?.url).toBe(`${HF}/resolve/main/tokenizer.model`);
    expect(tokenizerFile(HF, { tokenizer_files: ['vocab.txt'] })).toBeNull();
  });

  it('skips model libraries web-llm never caches', () => {
    expect(modelLibFile('http://localhost:8000/lib.wasm')).toBeNull();
    expect(modelLibFile('/libs/lib.wasm')).toBeNull();
    expect(modelLibFile('http://127.0.0.1:8000/lib.wasm')?.url).toBe('http://127.0.0.1:8000/lib.wasm');
  });

  it('fetches an older ndarray-cache.json from the same folder', () => {
    expect(legacyTensorIndexUrl(HF)).toBe(`${HF}/resolve/main/ndarray-cache.json`);
  });
});
