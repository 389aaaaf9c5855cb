/** The message box: Enter sends, Shift+Enter adds a line, Enter while composing (IME) never sends. */
import { useState, type KeyboardEvent } from 'react';

interface Props {
  generating: boolean;
  disabledReason: string | null;
  onSend(text: string): Promise<void>;
  onStop(): void;
}

export function Composer({ generating, disabledReason, onSend, onStop }: Props) {
  const [text, setText] = useState('');
  const send = async () => {
    if (!text.trim() || generating || disabledReason) return;
    const sent = text;
    setText('');
    try {
      await onSend(sent);
    } catch (err) {
      setText(sent);
      throw err;
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && generating) {
      e.preventDefault();
      onStop();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      void send();
    }
  };
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor="composer-input" className="visually-hidden">Message</label>
      <textarea
        id="composer-input"
        rows={3}
        value={text}
        placeholder={disabledReason ?? 'Message WizardVicuna (Enter to send, Shift+Enter for a new line)'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {generating ? (
        <button type="button" onClick={onStop}>Stop</button>
      ) : (
        <button type="submit" className="primary" disabled={!!disabledReason || !text.trim()}>Send</button>
      )}
    </form>
  );
}
