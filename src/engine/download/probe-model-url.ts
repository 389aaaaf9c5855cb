/** Checks a model address before it is saved: reachable, and really a model. */
import { EngineError, httpError, networkError } from '../errors';
import { cleanModelUrl } from '../mlc/mlc-cache-shared';

/** A GGUF file starts with "GGUF"; returns its size when the server says. */
export async function probeGgufUrl(url: string, signal?: AbortSignal): Promise<{ bytes: number }> {
  const response = await get(url, { Range: 'bytes=0-3' }, signal);
  const head = new TextDecoder().decode((await response.arrayBuffer()).slice(0, 4));
  if (head !== 'GGUF') throw new EngineError('model-invalid', `${url} is reachable but is not a GGUF file.`);
  const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? response.headers.get('content-length');
  return { bytes: Number(total ?? 0) || 0 };
}

/** An MLC weights folder has mlc-chat-config.json; its model library must be reachable. */
export async function probeMlcUrls(modelUrl: string, modelLibUrl: string, signal?: AbortSignal): Promise<{ quantization?: string; contextWindow?: number }> {
  const configUrl = new URL('mlc-chat-config.json', cleanModelUrl(modelUrl)).href;
  const config = (await (await get(configUrl, {}, signal)).json().catch(() => null)) as { quantization?: string; context_window_size?: number; tokenizer_files?: unknown } | null;
  if (!config || !Array.isArray(config.tokenizer_files)) throw new EngineError('model-invalid', `${configUrl} is not an MLC model config (mlc-chat-config.json).`);
  const lib = await get(modelLibUrl, { Range: 'bytes=0-3' }, signal);
  const magic = new Uint8Array(await lib.arrayBuffer()).slice(0, 4);
  if (magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) {
    throw new EngineError('model-lib-invalid', `${modelLibUrl} is reachable but is not a WebAssembly model library.`);
  }
  return { quantization: config.quantization, contextWindow: config.context_window_size };
}

async function get(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw networkError(url);
  }
  if (!response.ok) throw httpError(url, response.status);
  return response;
}
