/** The shared input: sent to every column (appended to each column's thread). Enter sends, Shift+Enter adds a line. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';

interface Props {
  busy: boolean;
  turns: number;
  onSend(text: string): boolean;
  onStopAll(): void;
}

export function CompareComposer({ busy, turns, onSend, onStopAll }: Props) {
  const [text, setText] = useState('');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!busy && onSend(text)) setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form className="compare-composer" aria-label="Send to every column" onSubmit={submit}>
      <label htmlFor="compare-input">{turns ? 'Follow-up for every column' : 'Input for every column'}</label>
      <div className="compare-composer-row">
        <textarea id="compare-input" rows={2} value={text} placeholder="Each column wraps this in its template and answers it in its own thread" onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
        {busy ? (
          <button type="button" onClick={onStopAll}>Stop all</button>
        ) : (
          <button type="submit" className="primary" disabled={!text.trim()}>Send to all</button>
        )}
      </div>
    </form>
  );
}
