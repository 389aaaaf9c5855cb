/**
 * Turns web-llm failures into EngineErrors a person can act on. web-llm's
 * errors are plain Error subclasses told apart by `name`.
 */
import { EngineError, isAbort } from '../errors';
import { invalidLibError, mismatchError } from './mlc-model-lib-check';

export interface MlcErrorContext {
  modelLibUrl?: string;
  contextWindow?: number;
  /**
   * web-llm is starting the model library: it reports no progress before
   * fetching weights, so a TypeError then comes from a library whose exports
   * are not what this runtime calls.
   */
  libStarting?: boolean;
}

const GGUF_HINT = 'or pick a GGUF build, which runs on the CPU';

/** Map any failure inside the MLC worker; aborts pass through unchanged (they are not errors). */
export function mapMlcError(err: unknown, context: MlcErrorContext = {}): Error {
  if (err instanceof EngineError || isAbort(err)) return err as Error;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  const lib = context.modelLibUrl ?? 'the model library address';

  switch (name) {
    case 'WebGPUNotAvailableError':
    case 'WebGPUNotFoundError':
      return new EngineError('webgpu-unavailable', `This browser offers no WebGPU, which MLC models need. Use a recent Chrome or Edge with WebGPU enabled, ${GGUF_HINT}.`);
    case 'ShaderF16SupportError':
      return new EngineError('shader-f16-unsupported', `This GPU lacks WebGPU's shader-f16 feature, which q4f16 builds need. Pick the q4f32_1 build, ${GGUF_HINT}.`);
    case 'FeatureSupportError':
      return new EngineError('browser-unsupported', `This model needs a WebGPU feature this browser or GPU lacks (${message}). Pick another build, ${GGUF_HINT}.`);
    case 'DeviceLostError':
      return new EngineError('device-lost', 'The GPU stopped responding (device lost), usually because it ran out of memory. Close other GPU-heavy tabs or pick a smaller build, then load the model again.');
    case 'ContextWindowSizeExceededError': {
      const size = context.contextWindow ? ` (${context.contextWindow} tokens)` : '';
      return new EngineError('context-exceeded', `The conversation no longer fits in the model's context window${size}. Start a new conversation or shorten the history.`);
    }
    case 'ModelNotLoadedError':
    case 'WorkerEngineModelNotLoadedError':
      return new EngineError('model-not-loaded', 'No model is loaded. Load a model first.');
    case 'LinkError':
      return mismatchError(lib, message);
    case 'CompileError':
      return invalidLibError(lib, `not valid WebAssembly: ${message}`);
    case 'QuotaExceededError':
      return new EngineError('quota-exceeded', 'The browser ran out of storage for this model. Free space (delete other models) or allow more storage, then try again.');
    case 'IntegrityError':
    case 'UnsupportedTokenizerFilesError':
      return new EngineError('model-invalid', `The model files are not usable: ${message}`);
    case 'GPUOutOfMemoryError':
      return outOfMemory();
  }
  if (/_ZN3tvm7runtime9threading15ResetThreadPoolEv|import requires a callable/.test(message)) return mismatchError(lib, message);
  if (/out of memory|\bOOM\b|Array buffer allocation failed|Cannot allocate/i.test(message)) return outOfMemory();
  if (/Unable to find a compatible GPU/.test(message)) {
    return new EngineError('webgpu-unavailable', `No usable GPU was found for WebGPU. Update the GPU driver or enable WebGPU in the browser, ${GGUF_HINT}.`);
  }
  if (/exceeds limit/.test(message) && /maxBufferSize|maxStorageBufferBindingSize/.test(message)) {
    return new EngineError('webgpu-unavailable', `This GPU's WebGPU limits are too small for MLC models (${message}). Try another browser or GPU, ${GGUF_HINT}.`);
  }
  if (name === 'TypeError' && context.libStarting && /is not a function|Cannot read properties|is not an object|undefined/.test(message)) {
    return mismatchError(lib, `web-llm could not start it (${message})`);
  }
  if (name === 'TypeError' && /fetch|Request failed|network/i.test(message)) {
    return new EngineError('download-failed', 'A model file could not be fetched. Check your connection and try again; downloaded files are kept.');
  }
  return new EngineError('unknown', `The MLC engine failed: ${message}`);
}

function outOfMemory(): EngineError {
  return new EngineError('out-of-memory', 'The model does not fit in this GPU\'s memory. Close other GPU-heavy tabs or pick a smaller build (fewer parameters), then load it again.');
}
