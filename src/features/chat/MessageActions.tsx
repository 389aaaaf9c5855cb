/** Sibling switcher ("‹ 2/3 ›") and the actions under a message. */
import type { SiblingInfo } from './use-conversation-tree';

export type MessageCommand =
  | { kind: 'show'; id: string }
  | { kind: 'regenerate'; id: string }
  | { kind: 'edit'; id: string }
  | { kind: 'copy'; text: string };

interface Props {
  messageId: string;
  role: 'user' | 'assistant';
  text: string;
  siblings: SiblingInfo | undefined;
  busy: boolean;
  onCommand(command: MessageCommand): void;
}

export function MessageActions({ messageId, role, text, siblings, busy, onCommand }: Props) {
  const what = role === 'user' ? 'message' : 'reply';
  return (
    <div className="message-actions">
      {siblings && siblings.count > 1 && (
        <span className="sibling-switch" role="group" aria-label={`Version ${siblings.index + 1} of ${siblings.count}`}>
          <button type="button" className="icon-button" aria-label={`Previous version of this ${what}`} disabled={!siblings.previousId || busy} onClick={() => siblings.previousId && onCommand({ kind: 'show', id: siblings.previousId })}>
            ‹
          </button>
          <span className="sibling-count">
            {siblings.index + 1}/{siblings.count}
          </span>
          <button type="button" className="icon-button" aria-label={`Next version of this ${what}`} disabled={!siblings.nextId || busy} onClick={() => siblings.nextId && onCommand({ kind: 'show', id: siblings.nextId })}>
            ›
          </button>
        </span>
      )}
      <button type="button" className="text-button" onClick={() => onCommand({ kind: 'copy', text })}>
        Copy
      </button>
      {role === 'assistant' ? (
        <button type="button" className="text-button" disabled={busy} onClick={() => onCommand({ kind: 'regenerate', id: messageId })}>
          Regenerate
        </button>
      ) : (
        <button type="button" className="text-button" disabled={busy} onClick={() => onCommand({ kind: 'edit', id: messageId })}>
          Edit
        </button>
      )}
    </div>
  );
}
