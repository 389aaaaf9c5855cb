/** Messages between the page and the transfer worker. */
import type { ExportFileFormat, ExportScope } from '../../lib/transfer/export-file-names';
import type { TransferSettings } from '../../lib/transfer/export-format';
import type { ImportPreview, Tally } from '../../lib/transfer/import-plan';
import type { TransferErrorCode } from '../../lib/transfer/transfer-error';

export type TransferRequest =
  | { id: number; type: 'export'; scope: ExportScope; format: ExportFileFormat; now: number }
  | { id: number; type: 'preview'; files: File[]; defaults: TransferSettings }
  | { id: number; type: 'commit'; planId: number }
  | { id: number; type: 'discard'; planId: number };

export interface ExportResult {
  file: Blob;
  fileName: string;
  conversations: number;
  messages: number;
  comparisons: number;
  ms: number;
}

export interface PreviewResult {
  planId: number;
  preview: ImportPreview;
  ms: number;
}

export interface ImportResult {
  added: Tally;
  copied: Tally;
  skipped: Tally;
  ms: number;
}

export type TransferReply =
  | { id: number; type: 'progress'; text: string; fraction: number | null }
  | { id: number; type: 'exported'; result: ExportResult }
  | { id: number; type: 'previewed'; result: PreviewResult }
  | { id: number; type: 'imported'; result: ImportResult }
  | { id: number; type: 'discarded' }
  | { id: number; type: 'failed'; error: { code: TransferErrorCode; message: string } };

export type ProgressListener = (text: string, fraction: number | null) => void;
