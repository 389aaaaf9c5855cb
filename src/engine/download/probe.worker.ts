/**
 * Checks a model address from a fresh worker: a worker takes its network
 * policy when it starts, so one started after the address was allowed can
 * reach it even though the page (whose policy is fixed at load) cannot.
 */
import { serializeEngineError } from '../errors';
import { probeGgufUrl, probeMlcUrls } from './probe-model-url';
import type { ProbeRequest } from './probe-client';

self.addEventListener('message', async (event: MessageEvent<ProbeRequest>) => {
  const request = event.data;
  try {
    const result = request.kind === 'gguf' ? await probeGgufUrl(request.url) : await probeMlcUrls(request.modelUrl, request.modelLibUrl);
    self.postMessage({ ok: true, result });
  } catch (err) {
    self.postMessage({ ok: false, error: serializeEngineError(err) });
  }
});
