/**
 * Fit a conversation into a context window: keep the system prompt and the
 * newest turns, drop the oldest whole turns, leave room for the reply.
 */

export interface BudgetTurn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * A conservative token estimate for Llama's SentencePiece vocabulary:
 * English runs about 4 characters a token, code and other scripts fewer,
 * so count 3 characters a token plus a few for the role markers.
 */
export function estimateTokens(text: string): number {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) nonAscii++;
  return Math.ceil((text.length - nonAscii) / 3) + nonAscii;
}

const TURN_OVERHEAD = 6;

export interface FittedHistory<T extends BudgetTurn> {
  turns: T[];
  /** Messages that were left out, oldest first. */
  dropped: number;
  estimatedPromptTokens: number;
}

export function fitToContext<T extends BudgetTurn>(
  system: string,
  turns: readonly T[],
  contextWindow: number,
  replyTokens: number,
  estimate: (text: string) => number = estimateTokens,
): FittedHistory<T> {
  const budget = contextWindow - Math.min(replyTokens, Math.floor(contextWindow / 2));
  let used = estimate(system) + TURN_OVERHEAD;
  const kept: T[] = [];
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i]!;
    const cost = estimate(turn.content) + TURN_OVERHEAD;
    if (used + cost > budget && kept.length > 0) break;
    kept.unshift(turn);
    used += cost;
  }
  // A kept history starts with a user turn, never with an orphaned reply.
  while (kept.length > 1 && kept[0]!.role === 'assistant') kept.shift();
  return { turns: kept, dropped: turns.length - kept.length, estimatedPromptTokens: used };
}
