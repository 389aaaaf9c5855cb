import { beforeEach, describe, expect, it } from 'vitest';
import { streamRedrawMs, useEngineStore } from './engine-store';

describe('engine store', () => {
  beforeEach(() => useEngineStore.setState({ status: 'idle', modelId: null, progress: null, loaded: null, error: null, streaming: null }));

  it('walks through loading to ready', () => {
    const s = useEngineStore.getState();
    s.loadStarted('m');
    expect(useEngineStore.getState()).toMatchObject({ status: 'loading', modelId: 'm' });
    s.loadProgressed({ phase: 'downloading', loadedBytes: 5, totalBytes: 10, fraction: 0.5, bytesPerSecond: 1, text: '' });
    expect(useEngineStore.getState().progress?.fraction).toBe(0.5);
    s.loadSucceeded({ modelId: 'm', backend: 'cpu', backendDetail: 'CPU', contextWindow: 2048 });
    expect(useEngineStore.getState()).toMatchObject({ status: 'ready', progress: null, error: null });
  });

  it('keeps an error to show, and goes back to idle on cancel', () => {
    const s = useEngineStore.getState();
    s.loadStarted('m');
    s.loadFailed({ code: 'not-found', message: 'gone' });
    expect(useEngineStore.getState()).toMatchObject({ status: 'error', error: { code: 'not-found' } });
    s.loadStarted('m');
    s.loadFailed(null);
    expect(useEngineStore.getState()).toMatchObject({ status: 'idle', error: null });
  });
});

describe('streamRedrawMs', () => {
  it('redraws a reply less often when the engine decodes on the CPU', () => {
    expect(streamRedrawMs('cpu')).toBeGreaterThan(streamRedrawMs('gpu'));
    expect(streamRedrawMs('mixed')).toBe(streamRedrawMs('cpu'));
    expect(streamRedrawMs(undefined)).toBe(streamRedrawMs('gpu'));
  });

  it('follows the loaded model', () => {
    useEngineStore.getState().loadSucceeded({ modelId: 'm', backend: 'cpu', backendDetail: 'CPU', contextWindow: 64 });
    expect(streamRedrawMs()).toBe(streamRedrawMs('cpu'));
    useEngineStore.getState().loadSucceeded({ modelId: 'm', backend: 'gpu', backendDetail: 'WebGPU', contextWindow: 64 });
    expect(streamRedrawMs()).toBe(streamRedrawMs('gpu'));
  });
});
