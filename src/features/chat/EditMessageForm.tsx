/** Edit a sent message; saving sends it as a new branch. */
import { useState, type KeyboardEvent } from 'react';

interface Props {
  initial: string;
  onSave(text: string): void;
  onCancel(): void;
}

export function EditMessageForm({ initial, onSave, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') onCancel();
    else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      if (text.trim()) onSave(text);
    }
  };
  return (
    <form
      className="edit-message"
      aria-label="Edit message"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSave(text);
      }}
    >
      <textarea aria-label="Edited message" rows={3} value={text} autoFocus onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!text.trim()}>Save and send</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
