/**
 * Export the whole library or chosen conversations and comparisons, as JSON
 * (everything) or the shown branch of each conversation as Markdown, text or a web page.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { comparisonsRepo, conversationsRepo } from '../../db';
import type { ExportFileFormat } from '../../lib/transfer/export-file-names';
import { onConversationExportRequest } from '../../lib/transfer/export-request';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { ExportChoices } from './ExportChoices';
import { saveDownload } from './save-download';
import { transferClient } from './transfer-client';
import type { ExportResult } from './transfer-protocol';
import { describeFailure, plural, sizeText } from './transfer-text';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; text: string; fraction: number | null }
  | { kind: 'done'; result: Omit<ExportResult, 'file'> & { bytes: number } }
  | { kind: 'failed'; message: string };

const FORMATS: { value: ExportFileFormat; label: string }[] = [
  { value: 'json', label: 'JSON: everything, every branch (can be imported again)' },
  { value: 'markdown', label: 'Markdown: the branch on screen' },
  { value: 'text', label: 'Plain text: the branch on screen' },
  { value: 'html', label: 'Web page: the branch on screen' },
];

export function ExportSection() {
  const conversations = useLiveQuery(() => conversationsRepo.listForSidebar(), [], []);
  const comparisons = useLiveQuery(() => comparisonsRepo.list(Infinity), [], []);
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [chosenComparisons, setChosenComparisons] = useState<ReadonlySet<string>>(new Set());
  const [format, setFormat] = useState<ExportFileFormat>('json');
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  useEffect(
    () =>
      onConversationExportRequest((id) => {
        setScope('chosen');
        setChosen(new Set([id]));
        setChosenComparisons(new Set());
        setState({ kind: 'idle' });
      }),
    [],
  );

  const present = new Set(conversations.map((c) => c.id));
  const picked = [...chosen].filter((id) => present.has(id));
  const presentComparisons = new Set(comparisons.map((c) => c.id));
  const pickedComparisons = [...chosenComparisons].filter((id) => presentComparisons.has(id));
  const json = format === 'json';
  const comparisonsAsked = scope === 'all' ? comparisons.length : pickedComparisons.length;

  const run = async () => {
    setState({ kind: 'running', text: 'Starting', fraction: null });
    try {
      const what = scope === 'all' ? ({ kind: 'all' } as const) : { kind: 'ids' as const, ids: picked, comparisonIds: pickedComparisons };
      const result = await transferClient.exportConversations(what, format, (text, fraction) => setState({ kind: 'running', text, fraction }));
      saveDownload(result.file, result.fileName);
      const { file, ...counts } = result;
      setState({ kind: 'done', result: { ...counts, bytes: file.size } });
    } catch (error) {
      setState(describeFailure(error) ?? { kind: 'idle' });
    }
  };

  const running = state.kind === 'running';
  const nothing = (scope === 'all' ? conversations.length : picked.length) === 0 && (!json || comparisonsAsked === 0);
  const libraryCounts = [plural(conversations.length, 'conversation'), ...(comparisons.length ? [plural(comparisons.length, 'comparison')] : [])].join(', ');
  return (
    <section className="transfer-section" aria-labelledby="export-heading">
      <h3 id="export-heading">Export</h3>
      <div role="radiogroup" aria-label="What to export" className="transfer-scope">
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Whole library ({libraryCounts})
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> Chosen conversations
          {comparisons.length ? ' and comparisons' : ''} ({picked.length + pickedComparisons.length})
        </label>
      </div>
      {scope === 'chosen' && (
        <ExportChoices
          conversations={conversations}
          comparisons={comparisons}
          chosen={chosen}
          chosenComparisons={chosenComparisons}
          onChange={(c, k) => {
            setChosen(c);
            setChosenComparisons(k);
          }}
        />
      )}
      <label htmlFor="export-format">Format</label>
      <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFileFormat)}>
        {FORMATS.map((f) => (
          <option key={f.value} value={f.value}>{f.label}</option>
        ))}
      </select>
      {!json && comparisonsAsked > 0 && <p className="hint">Comparisons go into JSON exports only; this format holds the conversations.</p>}
      <div className="form-actions">
        <button type="button" className="primary" disabled={running || nothing} onClick={() => void run()}>Export</button>
        {running && <button type="button" onClick={() => transferClient.cancel()}>Cancel</button>}
      </div>
      {running && <ProgressBar label="Export progress" fraction={state.fraction} detail={state.text} />}
      {state.kind === 'done' && (
        <p className="hint" role="status" data-testid="export-result">
          Saved {state.result.fileName}: {plural(state.result.conversations, 'conversation')}, {state.result.messages} messages,
          {state.result.comparisons ? ` ${plural(state.result.comparisons, 'comparison')},` : ''} {sizeText(state.result.bytes)}.
        </p>
      )}
      {state.kind === 'failed' && <Notice tone="error">{state.message}</Notice>}
    </section>
  );
}
