/** Transient engine state: device, model loading, the reply being streamed. */
import { create } from 'zustand';
import type { DeviceReport } from '../engine/device-check';
import type { LoadProgress, LoadResult } from '../engine/port';

export interface UserFacingError {
  code: string;
  message: string;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface StreamingReply {
  conversationId: string;
  messageId: string;
  text: string;
}

interface EngineState {
  device: DeviceReport | null;
  status: LoadStatus;
  modelId: string | null;
  progress: LoadProgress | null;
  loaded: LoadResult | null;
  error: UserFacingError | null;
  streaming: StreamingReply | null;
  setDevice(device: DeviceReport): void;
  loadStarted(modelId: string): void;
  loadProgressed(progress: LoadProgress): void;
  loadSucceeded(result: LoadResult): void;
  loadFailed(error: UserFacingError | null): void;
  unloaded(): void;
  setStreaming(reply: StreamingReply | null): void;
}

export const useEngineStore = create<EngineState>()((set) => ({
  device: null,
  status: 'idle',
  modelId: null,
  progress: null,
  loaded: null,
  error: null,
  streaming: null,
  setDevice: (device) => set({ device }),
  loadStarted: (modelId) => set({ status: 'loading', modelId, progress: null, loaded: null, error: null }),
  loadProgressed: (progress) => set({ progress }),
  loadSucceeded: (loaded) => set({ status: 'ready', loaded, progress: null, error: null }),
  /** `null` error: cancelled by the person, back to idle. */
  loadFailed: (error) => set({ status: error ? 'error' : 'idle', error, progress: null, loaded: null }),
  unloaded: () => set({ status: 'idle', modelId: null, loaded: null, progress: null }),
  setStreaming: (streaming) => set({ streaming }),
}));

/**
 * How often a reply being written is redrawn at most. Every redraw lays out
 * and repaints the reply. When the engine decodes on the CPU, that time is
 * taken from decoding (bench/: engine overhead), and such engines write a few
 * tokens a second anyway, so their replies are redrawn less often.
 */
export function streamRedrawMs(backend: LoadResult['backend'] | undefined = useEngineStore.getState().loaded?.backend): number {
  return backend === 'cpu' || backend === 'mixed' ? 250 : 100;
}
