/**
 * Checks a downloaded model library before gigabytes of weights follow it:
 * the same conditions under which web-llm 0.2.86 would refuse it at load.
 */
import { EngineError } from '../errors';

export const WEB_LLM_VERSION = '0.2.86';

/**
 * The functions web-llm 0.2.86's runtime offers a model library: its
 * Emscripten `wasmImports` (for "env" and "wasi_snapshot_preview1") plus what
 * tvmjs' Environment adds to "env". A library importing any other function
 * was built for another web-llm version and fails with a LinkError.
 * mlc-model-lib-check.test.ts re-reads this list from web-llm's bundle.
 */
export const RUNTIME_IMPORTS = [
  'TVMFFIWasmFunctionDeleter',
  'TVMFFIWasmSafeCall',
  'clock_time_get',
  'emscripten_notify_memory_growth',
  'environ_get',
  'environ_sizes_get',
  'fd_close',
  'fd_read',
  'fd_seek',
  'fd_write',
  'proc_exit',
] as const;
const ENV_ONLY_IMPORTS = ['__cxa_thread_atexit', '__console_log'];

/** Exports the runtime always uses: its Emscripten glue (memory, _initialize) and tvmjs' FFILibrary checks. */
const REQUIRED_EXPORTS: { name: string; kind: WebAssembly.ImportExportKind }[] = [
  { name: 'memory', kind: 'memory' },
  { name: '_initialize', kind: 'function' },
  { name: 'TVMWasmAllocSpace', kind: 'function' },
  { name: 'TVMWasmFreeSpace', kind: 'function' },
];

export function mismatchError(url: string, detail: string): EngineError {
  return new EngineError(
    'model-lib-mismatch',
    `This model library does not match this engine version (web-llm ${WEB_LLM_VERSION}): ${detail}. ` +
      `Use the library built for web-llm ${WEB_LLM_VERSION} (folder v0_2_86 of binary-mlc-llm-libs) for this model (${url}).`,
  );
}

export function invalidLibError(url: string, detail: string): EngineError {
  return new EngineError('model-lib-invalid', `The model library at ${url} is not a usable MLC model library (${detail}). Check the model library address.`);
}

/** Import entries the runtime cannot satisfy. */
export function missingRuntimeImports(imports: WebAssembly.ModuleImportDescriptor[]): string[] {
  const shared = new Set<string>(RUNTIME_IMPORTS);
  const env = new Set<string>([...RUNTIME_IMPORTS, ...ENV_ONLY_IMPORTS]);
  return imports
    .filter((i) => i.kind === 'function')
    .filter((i) => !(i.module === 'env' ? env : i.module === 'wasi_snapshot_preview1' ? shared : new Set<string>()).has(i.name))
    .map((i) => `${i.module}.${i.name}`);
}

export async function checkModelLib(bytes: ArrayBuffer, url: string): Promise<void> {
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(bytes);
  } catch (err) {
    throw invalidLibError(url, `not valid WebAssembly: ${err instanceof Error ? err.message : String(err)}`);
  }
  const exports = WebAssembly.Module.exports(module);
  const absent = REQUIRED_EXPORTS.filter((r) => !exports.some((e) => e.name === r.name && e.kind === r.kind)).map((r) => r.name);
  if (absent.length) throw invalidLibError(url, `it does not export ${absent.join(', ')}`);
  const missing = missingRuntimeImports(WebAssembly.Module.imports(module));
  if (missing.length) throw mismatchError(url, `it needs ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}, which this engine does not provide`);
}
