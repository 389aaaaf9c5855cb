/** Export the whole library or chosen conversations, as JSON (everything) or the shown branch as Markdown, text or a web page. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { conversationsRepo } from '../../db';
import type { ExportFileFormat } from '../../lib/transfer/export-file-names';
import { onConversationExportRequest } from '../../lib/transfer/export-request';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { saveDownload } from './save-download';
import { transferClient } from './transfer-client';
import { describeFailure, sizeText } from './transfer-text';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; text: string; fraction: number | null }
  | { kind: 'done'; fileName: string; conversations: number; messages: number; bytes: number }
  | { kind: 'failed'; message: string };

const FORMATS: { value: ExportFileFormat; label: string }[] = [
  { value: 'json', label: 'JSON: everything, every branch (can be imported again)' },
  { value: 'markdown', label: 'Markdown: the branch on screen' },
  { value: 'text', label: 'Plain text: the branch on screen' },
  { value: 'html', label: 'Web page: the branch on screen' },
];

export function ExportSection() {
  const conversations = useLiveQuery(() => conversationsRepo.listForSidebar(), [], []);
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [format, setFormat] = useState<ExportFileFormat>('json');
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  useEffect(
    () =>
      onConversationExportRequest((id) => {
        setScope('chosen');
        setChosen(new Set([id]));
        setState({ kind: 'idle' });
      }),
    [],
  );

  const present = new Set(conversations.map((c) => c.id));
  const picked = [...chosen].filter((id) => present.has(id));
  const toggle = (id: string, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const run = async () => {
    setState({ kind: 'running', text: 'Starting', fraction: null });
    try {
      const result = await transferClient.exportConversations(scope === 'all' ? { kind: 'all' } : { kind: 'ids', ids: picked }, format, (text, fraction) =>
        setState({ kind: 'running', text, fraction }),
      );
      saveDownload(result.file, result.fileName);
      setState({ kind: 'done', fileName: result.fileName, conversations: result.conversations, messages: result.messages, bytes: result.file.size });
    } catch (error) {
      setState(describeFailure(error) ?? { kind: 'idle' });
    }
  };

  const running = state.kind === 'running';
  const nothing = scope === 'all' ? conversations.length === 0 : picked.length === 0;
  return (
    <section className="transfer-section" aria-labelledby="export-heading">
      <h3 id="export-heading">Export</h3>
      <div role="radiogroup" aria-label="What to export" className="transfer-scope">
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Whole library ({conversations.length})
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> Chosen conversations ({picked.length})
        </label>
      </div>
      {scope === 'chosen' && (
        <fieldset className="transfer-choices">
          <legend className="visually-hidden">Conversations to export</legend>
          <div className="transfer-choice-actions">
            <button type="button" className="text-button" onClick={() => setChosen(new Set(conversations.map((c) => c.id)))}>All</button>
            <button type="button" className="text-button" onClick={() => setChosen(new Set())}>None</button>
          </div>
          <ul>
            {conversations.map((c) => (
              <li key={c.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.title}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <label htmlFor="export-format">Format</label>
      <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFileFormat)}>
        {FORMATS.map((f) => (
          <option key={f.value} value={f.value}>{f.label}</option>
        ))}
      </select>
      <div className="form-actions">
        <button type="button" className="primary" disabled={running || nothing} onClick={() => void run()}>Export</button>
        {running && <button type="button" onClick={() => transferClient.cancel()}>Cancel</button>}
      </div>
      {running && <ProgressBar label="Export progress" fraction={state.fraction} detail={state.text} />}
      {state.kind === 'done' && (
        <p className="hint" role="status" data-testid="export-result">
          Saved {state.fileName}: {state.conversations} conversation{state.conversations === 1 ? '' : 's'}, {state.messages} messages, {sizeText(state.bytes)}.
        </p>
      )}
      {state.kind === 'failed' && <Notice tone="error">{state.message}</Notice>}
    </section>
  );
}
