import { describe, expect, it } from 'vitest';
import { EngineError, type EngineErrorCode } from '../errors';
import { mapMlcError } from './mlc-errors';

const LIB = 'https://example.test/v0_2_48/Llama-2-7b-chat-hf-q4f16_1-ctx4k_cs1k-webgpu.wasm';

/** web-llm's errors are Error subclasses told apart by name. */
function named(name: string, message = `${name} happened`): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

function code(err: unknown): EngineErrorCode {
  const mapped = mapMlcError(err, { modelLibUrl: LIB, contextWindow: 2048 });
  expect(mapped).toBeInstanceOf(EngineError);
  return (mapped as EngineError).code;
}

describe('mapMlcError', () => {
  it.each([
    ['WebGPUNotAvailableError', 'webgpu-unavailable'],
    ['WebGPUNotFoundError', 'webgpu-unavailable'],
    ['ShaderF16SupportError', 'shader-f16-unsupported'],
    ['FeatureSupportError', 'browser-unsupported'],
    ['DeviceLostError', 'device-lost'],
    ['ContextWindowSizeExceededError', 'context-exceeded'],
    ['ModelNotLoadedError', 'model-not-loaded'],
    ['WorkerEngineModelNotLoadedError', 'model-not-loaded'],
    ['QuotaExceededError', 'quota-exceeded'],
    ['IntegrityError', 'model-invalid'],
    ['UnsupportedTokenizerFilesError', 'model-invalid'],
    ['GPUOutOfMemoryError', 'out-of-memory'],
  ] as const)('%s -> %s', (name, expected) => {
    expect(code(named(name))).toBe(expected);
  });

  it('turns the old-runtime LinkError into a version mismatch naming the engine version', () => {
    const link = new WebAssembly.LinkError(
      'WebAssembly.instantiate(): Import #12 "env" "_ZN3tvm7runtime9threading15ResetThreadPoolEv": function import requires a callable',
    );
    const mapped = mapMlcError(link, { modelLibUrl: LIB }) as EngineError;
    expect(mapped.code).toBe('model-lib-mismatch');
    expect(mapped.message).toMatch(/^This model library does not match this engine version \(web-llm 0\.2\.86\)/);
    expect(mapped.message).toContain(LIB);
    // The same text wrapped in another error (e.g. an abort message) is still recognised.
    expect(code(new Error('Aborted(LinkError: "_ZN3tvm7runtime9threading15ResetThreadPoolEv" function import requires a callable)'))).toBe('model-lib-mismatch');
  });

  it('calls any LinkError a mismatch and a CompileError an invalid library', () => {
    expect(code(new WebAssembly.LinkError('Import #0 "env" "foo": function import requires a callable'))).toBe('model-lib-mismatch');
    const compile = mapMlcError(new WebAssembly.CompileError('WebAssembly.instantiate(): expected magic word 00 61 73 6d'), { modelLibUrl: LIB }) as EngineError;
    expect(compile.code).toBe('model-lib-invalid');
    expect(compile.message).toContain(LIB);
  });

  it('blames the library for a TypeError while web-llm starts it, and only then', () => {
    const startup = mapMlcError(new TypeError('H is not a function'), { modelLibUrl: LIB, libStarting: true }) as EngineError;
    expect(startup.code).toBe('model-lib-mismatch');
    expect(startup.message).toContain('H is not a function');
    expect(code(new TypeError('H is not a function'))).toBe('unknown');
  });

  it('recognises out-of-memory by message', () => {
    expect(code(new RangeError('Array buffer allocation failed'))).toBe('out-of-memory');
    expect(code(new Error('GPU device ran out of memory while creating buffer'))).toBe('out-of-memory');
  });

  it('recognises web-llm adapter and limit failures', () => {
    expect(code(new Error("Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU"))).toBe('webgpu-unavailable');
    expect(code(new Error('Cannot initialize runtime because of requested maxBufferSize exceeds limit. requested=256MB, limit=128MB.'))).toBe('webgpu-unavailable');
  });

  it('maps a failed fetch inside web-llm to download-failed', () => {
    expect(code(new TypeError("Failed to execute 'add' on 'Cache': Request failed"))).toBe('download-failed');
  });

  it('says which context window was exceeded', () => {
    const mapped = mapMlcError(named('ContextWindowSizeExceededError'), { contextWindow: 2048 }) as EngineError;
    expect(mapped.message).toContain('2048 tokens');
  });

  it('keeps EngineErrors and aborts as they are', () => {
    const engineError = new EngineError('not-found', 'gone');
    expect(mapMlcError(engineError)).toBe(engineError);
    const abort = new DOMException('stop', 'AbortError');
    expect(mapMlcError(abort)).toBe(abort);
  });

  it('wraps anything else as unknown with the original message', () => {
    const mapped = mapMlcError(new Error('something odd')) as EngineError;
    expect(mapped.code).toBe('unknown');
    expect(mapped.message).toContain('something odd');
    expect(code('a string')).toBe('unknown');
  });
});
