/**
 * Vicuna v1.1 prompt format, exactly as FastChat's `vicuna_v1.1`
 * conversation (SeparatorStyle.ADD_COLON_TWO, sep " ", sep2 "</s>").
 */

export const VICUNA_SYSTEM_MESSAGE =
  "A chat between a curious user and an artificial intelligence assistant. The assistant gives helpful, detailed, and polite answers to the user's questions.";

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * FastChat `get_prompt()` for ADD_COLON_TWO:
 *   system + " " + ("USER: q" + " ") + ("ASSISTANT: a" + "</s>") ... + "ASSISTANT:"
 * `</s>` is the end-of-sequence token; the GGUF engine parses special tokens,
 * so it reaches the model as id 2, not as five characters.
 */
export function formatVicunaPrompt(system: string, turns: readonly Turn[]): string {
  let prompt = system + ' ';
  for (const turn of turns) {
    prompt += turn.role === 'user' ? `USER: ${turn.content} ` : `ASSISTANT: ${turn.content}</s>`;
  }
  return prompt + 'ASSISTANT:';
}

/** Strings that end a Vicuna reply besides the EOS token itself. */
export const VICUNA_STOP = ['</s>', 'USER:'];

/** The web-llm `conv_template` for Vicuna v1.1 (web-llm 0.2.86 has no named one). */
export const VICUNA_CONV_TEMPLATE = {
  system_template: '{system_message}',
  system_message: VICUNA_SYSTEM_MESSAGE,
  roles: { user: 'USER', assistant: 'ASSISTANT' },
  seps: [' ', '</s>'],
  role_content_sep: ': ',
  role_empty_sep: ':',
  stop_str: ['</s>'],
  system_prefix_token_ids: [1],
  stop_token_ids: [2],
} as const;

/** Plain text: the conversation as raw text, for completion models without a chat format. */
export function formatPlainPrompt(turns: readonly Turn[]): string {
  return turns.map((t) => t.content).join('\n');
}
