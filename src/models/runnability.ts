/** Whether a model can run on this device, and what to pick instead. */
import type { DeviceReport } from '../engine/device-check';
import type { ModelRecord } from './records';

export interface Runnability {
  ok: boolean;
  /** Where it will run if loaded. */
  target: 'gpu' | 'cpu' | 'none';
  /** A sentence for the person; empty when all is well. */
  message: string;
  /** For GGUF: 0 forces the CPU. */
  gpuLayers?: number;
}

const MIN_MLC_STORAGE_BINDING = 128 * 1024 * 1024;
const GGUF_FILE_LIMIT = 2 * 1024 ** 3;

export function assessModel(record: ModelRecord, device: DeviceReport): Runnability {
  if (record.engine === 'mlc') {
    if (!device.webgpu) return { ok: false, target: 'none', message: 'This browser has no WebGPU, which MLC builds need. Use Chrome or Edge 113+ on a GPU, or pick a GGUF build, which also runs on the CPU.' };
    if (!device.adapter) return { ok: false, target: 'none', message: 'WebGPU found no usable GPU here. Pick a GGUF build, which runs on the CPU.' };
    if (record.requiresShaderF16 && !device.shaderF16) {
      return { ok: false, target: 'none', message: 'This GPU lacks shader-f16, which this build needs. Pick the q4f32_1 build (WizardVicuna 7B q4f32_1) or a GGUF build.' };
    }
    if (device.maxStorageBufferBindingSize < MIN_MLC_STORAGE_BINDING) {
      return { ok: false, target: 'none', message: 'This GPU\'s buffer limits are too small for this model. Pick a GGUF build, which runs on the CPU.' };
    }
    return { ok: true, target: 'gpu', message: device.software ? 'Runs on a software GPU (SwiftShader): expect it to be very slow.' : '' };
  }
  if (!device.wasmForGguf) {
    return { ok: false, target: 'none', message: 'This browser lacks WebAssembly JSPI and Memory64, which the GGUF engine needs. Use Chrome or Edge 137 or newer.' };
  }
  const splitNote = record.source.kind === 'gguf' && record.source.urls.length === 1 && record.downloadBytes > GGUF_FILE_LIMIT
    ? ' The file is over 2 GB and is stored in parts as it downloads.'
    : '';
  // llama.cpp's WebGPU backend needs shader-f16; without it the model runs on the CPU.
  if (device.adapter && device.shaderF16 && !device.software) return { ok: true, target: 'gpu', message: splitNote.trim() };
  return { ok: true, target: 'cpu', gpuLayers: 0, message: `Runs on the CPU (no WebGPU with shader-f16 here): slower than on a GPU.${splitNote}` };
}
