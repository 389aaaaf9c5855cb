/** Messages between the bare engine page and its worker. */
export interface BareSampling {
  max_tokens: number;
  temperature: number;
  top_p: number;
  repeat_penalty: number;
  seed?: number;
  stop: string[];
}

export type ToBareWorker =
  | { type: 'load'; url: string; nCtx: number; nGpuLayers?: number }
  | { type: 'run'; prompt: string; sampling: BareSampling };

export type FromBareWorker =
  | { type: 'loaded'; nCtx: number }
  | { type: 'token'; text: string }
  | { type: 'done'; predictedPerSecond: number | null }
  | { type: 'failed'; message: string };
