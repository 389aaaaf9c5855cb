/** What this browser and GPU can run, checked before any download. */

export interface DeviceReport {
  webgpu: boolean;
  /** Adapter found (WebGPU may exist with no usable GPU). */
  adapter: boolean;
  adapterName: string;
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** WebAssembly JSPI + Memory64, which the GGUF engine's build needs. */
  wasmForGguf: boolean;
  /** Software rasteriser (SwiftShader): works, but slowly. */
  software: boolean;
}

function hasWasmMemory64(): boolean {
  try {
    // A memory with the i64 index type only validates where Memory64 exists.
    new WebAssembly.Memory({ initial: 1, maximum: 1, index: 'i64' } as unknown as WebAssembly.MemoryDescriptor);
    return true;
  } catch {
    return false;
  }
}

export async function checkDevice(): Promise<DeviceReport> {
  const wasmForGguf = !!(WebAssembly as { Suspending?: unknown }).Suspending && hasWasmMemory64();
  const none: DeviceReport = { webgpu: false, adapter: false, adapterName: '', shaderF16: false, maxBufferSize: 0, maxStorageBufferBindingSize: 0, wasmForGguf, software: false };
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return none;
  let adapter: GPUAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (!adapter) return { ...none, webgpu: true };
  const info = adapter.info;
  const adapterName = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'WebGPU adapter';
  return {
    webgpu: true,
    adapter: true,
    adapterName,
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    wasmForGguf,
    software: /swiftshader/i.test(adapterName),
  };
}
