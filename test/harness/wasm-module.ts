/**
 * Builds tiny WebAssembly modules byte by byte, to stand in for MLC model
 * libraries in tests: every function is `() -> ()`, memory is one page.
 */

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

const name = (s: string) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...leb(bytes.length), ...bytes];
};
const vec = (items: number[][]) => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];

export interface WasmSpec {
  /** Function imports, e.g. { module: 'env', name: 'fd_write' }. */
  imports?: { module: string; name: string }[];
  exportMemory?: boolean;
  /** Names of exported (empty) functions. */
  exportFunctions?: string[];
}

export function buildWasm({ imports = [], exportMemory = false, exportFunctions = [] }: WasmSpec): Uint8Array {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, vec([[0x60, 0x00, 0x00]])));
  if (imports.length) bytes.push(...section(2, vec(imports.map((i) => [...name(i.module), ...name(i.name), 0x00, 0x00]))));
  if (exportFunctions.length) bytes.push(...section(3, vec(exportFunctions.map(() => [0x00]))));
  if (exportMemory) bytes.push(...section(5, vec([[0x00, 0x01]])));
  const exports = [
    ...(exportMemory ? [[...name('memory'), 0x02, 0x00]] : []),
    ...exportFunctions.map((f, i) => [...name(f), 0x00, ...leb(imports.length + i)]),
  ];
  if (exports.length) bytes.push(...section(7, vec(exports)));
  if (exportFunctions.length) bytes.push(...section(10, vec(exportFunctions.map(() => [0x02, 0x00, 0x0b]))));
  return new Uint8Array(bytes);
}

/** The exports the runtime checks for, and nothing behind them: passes the download check, fails in web-llm. */
export const STUB_MODEL_LIB: WasmSpec = { exportMemory: true, exportFunctions: ['_initialize', 'TVMWasmAllocSpace', 'TVMWasmFreeSpace'] };

/** Like a library built for an older web-llm: imports a runtime function 0.2.86 no longer provides. */
export const OLD_RUNTIME_MODEL_LIB: WasmSpec = {
  ...STUB_MODEL_LIB,
  imports: [
    { module: 'env', name: 'fd_write' },
    { module: 'env', name: '_ZN3tvm7runtime9threading15ResetThreadPoolEv' },
  ],
};
