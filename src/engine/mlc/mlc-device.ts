/**
 * The device check that runs before any download: web-llm itself checks
 * required features only after fetching the config and model library.
 */
import { checkDevice, type DeviceReport } from '../device-check';
import { EngineError } from '../errors';

/** The smallest limits web-llm's runtime accepts (it falls back to these from 1 GB). */
const MIN_MAX_BUFFER_SIZE = 1 << 28;
const MIN_STORAGE_BINDING_SIZE = 1 << 27;

const GGUF_HINT = 'or pick a GGUF build, which runs on the CPU';

/** Throws an actionable EngineError, or returns a short description of the backend. */
export function assertMlcCanRun(report: DeviceReport, requiredFeatures: readonly string[], hasFeature: (feature: string) => boolean): string {
  if (!report.webgpu) {
    throw new EngineError('webgpu-unavailable', `This browser offers no WebGPU, which MLC models need. Use a recent Chrome or Edge (or enable WebGPU), ${GGUF_HINT}.`);
  }
  if (!report.adapter) {
    throw new EngineError(
      'webgpu-unavailable',
      `WebGPU is present but no usable GPU was found (the GPU may be blocklisted or its driver too old). Update the driver or enable WebGPU in the browser's settings, ${GGUF_HINT}.`,
    );
  }
  if (report.maxBufferSize < MIN_MAX_BUFFER_SIZE || report.maxStorageBufferBindingSize < MIN_STORAGE_BINDING_SIZE) {
    throw new EngineError('webgpu-unavailable', `This GPU's WebGPU limits are too small for MLC models. Try another browser or GPU, ${GGUF_HINT}.`);
  }
  for (const feature of requiredFeatures) {
    if (hasFeature(feature)) continue;
    if (feature === 'shader-f16') {
      throw new EngineError(
        'shader-f16-unsupported',
        `This build (q4f16) needs WebGPU's shader-f16 feature, which this GPU (${report.adapterName}) lacks. Pick the q4f32_1 build of the model, ${GGUF_HINT}.`,
      );
    }
    throw new EngineError('browser-unsupported', `This model needs the WebGPU feature "${feature}", which this GPU (${report.adapterName}) lacks. Pick another build, ${GGUF_HINT}.`);
  }
  const precision = requiredFeatures.includes('shader-f16') ? 'shader-f16' : 'f32';
  return `WebGPU (${precision}) on ${report.adapterName}${report.software ? ', software rendering: slow' : ''}`;
}

export async function checkMlcDevice(requiredFeatures: readonly string[]): Promise<string> {
  const report = await checkDevice();
  const others = requiredFeatures.filter((f) => f !== 'shader-f16');
  // DeviceReport covers shader-f16 only; other features are read from the adapter itself.
  const adapter = report.adapter && others.length ? await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
  return assertMlcCanRun(report, requiredFeatures, (f) => (f === 'shader-f16' ? report.shaderF16 : !!adapter?.features.has(f)));
}
