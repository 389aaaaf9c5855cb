/** How much of the context window the visible conversation uses. */
import { useMemo } from 'react';
import type { ConversationSettings, StoredMessage } from '../../db';
import { fitToContext } from '../../lib/context-budget';

interface Props {
  path: StoredMessage[];
  settings: ConversationSettings;
  contextWindow: number;
}

export function ContextMeter({ path, settings, contextWindow }: Props) {
  const { used, dropped } = useMemo(() => {
    const turns = path.filter((m) => m.content).map((m) => ({ role: m.role, content: m.content }));
    const fitted = fitToContext(settings.systemPrompt, turns, contextWindow, settings.maxTokens);
    const all = fitToContext(settings.systemPrompt, turns, Number.MAX_SAFE_INTEGER, 0);
    return { used: all.estimatedPromptTokens, dropped: fitted.dropped };
  }, [path, settings, contextWindow]);
  return (
    <div className="context-meter" data-testid="context-meter">
      <meter min={0} max={contextWindow} value={Math.min(used, contextWindow)} high={contextWindow * 0.75} aria-label="Context window used" />
      <span>
        ~{used} of {contextWindow} tokens
        {dropped > 0 && ` · the oldest ${dropped} message${dropped > 1 ? 's are' : ' is'} no longer sent`}
      </span>
    </div>
  );
}
