/** What the device check found, in one line. */
import { formatBytes } from '../../lib/format-units';
import { useEngineStore } from '../../store/engine-store';

export function DeviceSummary() {
  const device = useEngineStore((s) => s.device);
  if (!device) return <p className="device-summary">Checking this device…</p>;
  const gpu = !device.webgpu ? 'No WebGPU' : !device.adapter ? 'WebGPU without a usable GPU' : `${device.adapterName}${device.shaderF16 ? ' · shader-f16' : ' · no shader-f16'} · max buffer ${formatBytes(device.maxBufferSize)}`;
  return (
    <p className="device-summary" data-testid="device-summary">
      {gpu}
      {device.wasmForGguf ? '' : ' · GGUF engine unavailable (needs JSPI + Memory64)'}
    </p>
  );
}
