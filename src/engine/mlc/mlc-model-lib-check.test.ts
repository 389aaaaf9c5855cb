import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildWasm, OLD_RUNTIME_MODEL_LIB, STUB_MODEL_LIB } from '../../../test/harness/wasm-module';
import { EngineError } from '../errors';
import { checkModelLib, missingRuntimeImports, RUNTIME_IMPORTS, WEB_LLM_VERSION } from './mlc-model-lib-check';

const LIB = 'https://example.test/libs/model.wasm';

async function failure(bytes: Uint8Array): Promise<EngineError> {
  const err = await checkModelLib(bytes.slice().buffer, LIB).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe('checkModelLib', () => {
  it('accepts a library with the exports tvmjs needs and only runtime imports', async () => {
    const ok = buildWasm({ ...STUB_MODEL_LIB, imports: [{ module: 'env', name: 'fd_write' }, { module: 'wasi_snapshot_preview1', name: 'proc_exit' }, { module: 'env', name: '__console_log' }] });
    await expect(checkModelLib(ok.slice().buffer, LIB)).resolves.toBeUndefined();
  });

  it('calls bytes that are not WebAssembly invalid', async () => {
    const err = await failure(new TextEncoder().encode('<html>not found</html>'));
    expect(err.code).toBe('model-lib-invalid');
    expect(err.message).toContain(LIB);
  });

  it('calls WebAssembly without the runtime exports invalid', async () => {
    const err = await failure(buildWasm({ exportFunctions: ['main'] }));
    expect(err.code).toBe('model-lib-invalid');
    expect(err.message).toMatch(/memory, _initialize, TVMWasmAllocSpace, TVMWasmFreeSpace/);
  });

  it('calls a library importing ResetThreadPool a version mismatch', async () => {
    const err = await failure(buildWasm(OLD_RUNTIME_MODEL_LIB));
    expect(err.code).toBe('model-lib-mismatch');
    expect(err.message).toContain(`web-llm ${WEB_LLM_VERSION}`);
    expect(err.message).toContain('env._ZN3tvm7runtime9threading15ResetThreadPoolEv');
  });

  it('only accepts env-only imports from env', () => {
    expect(missingRuntimeImports([{ module: 'wasi_snapshot_preview1', name: '__console_log', kind: 'function' }])).toEqual(['wasi_snapshot_preview1.__console_log']);
    expect(missingRuntimeImports([{ module: 'env', name: 'memory', kind: 'memory' }])).toEqual([]);
  });
});

describe('the runtime import list', () => {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@mlc-ai/web-llm/package.json');
  const bundle = readFileSync(pkgPath.replace(/package\.json$/, 'lib/index.js'), 'utf8');

  it('matches the installed web-llm version', () => {
    expect(JSON.parse(readFileSync(pkgPath, 'utf8')).version).toBe(WEB_LLM_VERSION);
  });

  it("equals the tvmjs runtime's Emscripten wasmImports in web-llm's bundle", () => {
    const match = /var wasmImports=\{(TVMFFIWasm[^}]*)\}/.exec(bundle);
    expect(match).not.toBeNull();
    const names = match![1]!.split(',').map((entry) => entry.split(':')[0]);
    expect(names.sort()).toEqual([...RUNTIME_IMPORTS].sort());
  });
});
