/** The work the transfer worker does: export, read and check an import, write it. */
import type { TransferRepo } from '../../db';
import { sortComparisonsForExport, type TransferComparison } from '../../lib/transfer/comparison-format';
import { exportFileName, MIME_TYPES, type ExportFileFormat, type ExportScope } from '../../lib/transfer/export-file-names';
import { sortConversationsForExport, type ConversationWithMessages, type TransferSettings } from '../../lib/transfer/export-format';
import { exportJsonParts } from '../../lib/transfer/export-json';
import { summarizePlan, type ImportPlan } from '../../lib/transfer/import-plan';
import { readImportFiles, type ReadImport } from '../../lib/transfer/read-import-files';
import { conversationsPage } from '../../lib/transfer/render-branch-page';
import { conversationsMarkdown, conversationsText } from '../../lib/transfer/render-branch-text';
import type { ExportResult, ImportResult, PreviewResult, ProgressListener } from './transfer-protocol';

const newId = () => crypto.randomUUID();

export async function runExport(repo: TransferRepo, scope: ExportScope, format: ExportFileFormat, now: Date, progress: ProgressListener): Promise<ExportResult> {
  const started = performance.now();
  progress('Reading conversations', 0);
  const read = await repo.readForExport(scope, (done, total) => progress('Reading conversations', total ? (done / total) * 0.5 : null));
  const conversations = scope.kind === 'all' ? sortConversationsForExport(read.conversations) : read.conversations;
  // Markdown, text and web pages show conversations only.
  const comparisons = format !== 'json' ? [] : scope.kind === 'all' ? sortComparisonsForExport(read.comparisons) : read.comparisons;
  progress('Preparing the file', 0.5);
  const parts = render(conversations, comparisons, format, now);
  const fileName = exportFileName({ scope, titles: conversations.map((c) => c.conversation.title), comparisonTitles: comparisons.map((c) => c.title) }, format, now);
  progress('Done', 1);
  return {
    file: new Blob(parts, { type: MIME_TYPES[format] }),
    fileName,
    conversations: conversations.length,
    messages: conversations.reduce((n, c) => n + c.messages.length, 0),
    comparisons: comparisons.length,
    ms: Math.round(performance.now() - started),
  };
}

function render(conversations: ConversationWithMessages[], comparisons: TransferComparison[], format: ExportFileFormat, now: Date): string[] {
  if (format === 'json') return exportJsonParts(conversations, now, comparisons);
  if (format === 'markdown') return [conversationsMarkdown(conversations)];
  if (format === 'text') return [conversationsText(conversations)];
  return [conversationsPage(conversations)];
}

export async function runPreview(
  repo: TransferRepo,
  files: File[],
  defaults: TransferSettings,
  progress: ProgressListener,
): Promise<{ read: ReadImport; plan: ImportPlan; ms: number }> {
  const started = performance.now();
  const read = await readImportFiles(files, { defaults, newId, onProgress: progress });
  progress('Comparing with your library', null);
  const plan = await repo.planImport(read);
  return { read, plan, ms: Math.round(performance.now() - started) };
}

export function previewOf(planId: number, read: ReadImport, plan: ImportPlan, ms: number): PreviewResult {
  return { planId, preview: summarizePlan(plan, read), ms };
}

export async function runCommit(repo: TransferRepo, read: ReadImport, progress: ProgressListener): Promise<ImportResult> {
  const started = performance.now();
  progress('Saving', 0);
  const plan = await repo.commitImport(read, { newId, onProgress: (written, total) => progress('Saving', written / total) });
  const summary = summarizePlan(plan, read, 0);
  return { added: summary.added, copied: summary.copied, skipped: summary.skipped, ms: Math.round(performance.now() - started) };
}
