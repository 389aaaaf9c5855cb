/**
 * A set of questions, pasted one per line or imported from a file, each run
 * as a fresh single-turn prompt in every column; the results fill a table
 * (rows = questions, columns = variants) that exports as Markdown, CSV or JSON.
 */
import { useId, useState, type ChangeEvent } from 'react';
import type { StoredComparison } from '../../db';
import { questionsFromFile, questionsFromLines } from '../../lib/compare/question-list';
import type { ModelRecord } from '../../models/records';
import { useCompareStore } from '../../store/compare-store';
import { runQuestionSet } from './compare-actions';
import { setQuestionScore } from './comparison-edits';
import { runKey } from './compare-run';
import { ReplyView } from './ReplyView';
import { downloadResults } from './results-export';
import { ScoreSelect } from './ScoreSelect';

interface Props {
  doc: StoredComparison;
  catalog: readonly ModelRecord[];
  busy: boolean;
  onProblem(err: unknown): void;
}

export function QuestionSetPanel({ doc, catalog, busy, onProblem }: Props) {
  const id = useId();
  const [text, setText] = useState(() => doc.questions.map((q) => q.question).join('\n'));

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      // One per line in the box: line breaks inside a question become spaces.
      setText(questionsFromFile(file.name, await file.text()).map((q) => q.replace(/\s*[\r\n]+\s*/g, ' ')).join('\n'));
    } catch (err) {
      onProblem(err);
    }
  };
  const run = () => {
    try {
      runQuestionSet(questionsFromLines(text), catalog);
    } catch (err) {
      onProblem(err);
    }
  };

  return (
    <section className="compare-panel question-set" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Question set</h2>
      <label htmlFor={`${id}-questions`}>Questions, one per line (each runs as a fresh single-turn prompt in every column)</label>
      <textarea id={`${id}-questions`} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="question-actions">
        <label className="file-button">
          Import a .txt or .json file
          <input type="file" accept=".txt,.json,text/plain,application/json" onChange={(e) => void onFile(e)} />
        </label>
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={run}>Run the set on every column</button>
      </div>
      {doc.questions.length > 0 && (
        <>
          <div className="results-scroll">
            <table className="results-table" aria-label="Question set results" data-testid="results-table">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  {doc.columns.map((c) => <th key={c.id} scope="col">{c.label}</th>)}
                </tr>
              </thead>
              <tbody>
                {doc.questions.map((q, row) => (
                  <tr key={row}>
                    <th scope="row">{q.question}</th>
                    {doc.columns.map((c) => (
                      <td key={c.id} data-testid="result-cell">
                        <ReplyView runKey={runKey(c.id, 'question', row)} reply={q.replies[c.id]} />
                        {q.replies[c.id]?.content && (
                          <ScoreSelect
                            label={`Score for ${c.label}, question ${row + 1}`}
                            value={q.scores[c.id]}
                            onChange={(score) => useCompareStore.getState().update((d) => setQuestionScore(d, row, c.id, score))}
                          />
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="question-actions" role="group" aria-label="Export the results">
            <span>Export the table:</span>
            <button type="button" onClick={() => downloadResults(doc, catalog, 'markdown')}>Markdown</button>
            <button type="button" onClick={() => downloadResults(doc, catalog, 'csv')}>CSV</button>
            <button type="button" onClick={() => downloadResults(doc, catalog, 'json')}>JSON</button>
          </div>
        </>
      )}
    </section>
  );
}
