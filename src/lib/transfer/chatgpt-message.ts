/**
 * One node of a ChatGPT export's `mapping`: a message to keep, the custom
 * instructions, or something not shown in ChatGPT's own view (counted by
 * kind so the preview can say what was left out).
 */
import type { TransferFinishReason, TransferRole, TransferStatus } from './export-format';
import { childPath, isObject, optional, own, readArray, readNumber, readObject, readString, required, type JsonObject } from './json-fields';
import { FieldProblem } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

export type NodeReading =
  | { kind: 'keep'; role: TransferRole; text: string; createdAt: number | null; status: TransferStatus; finishReason?: TransferFinishReason; modelName?: string }
  | { kind: 'instructions'; text: string }
  | { kind: 'skip' };

export type KeptMessage = Extract<NodeReading, { kind: 'keep' }>;

/** What was left out, by kind, e.g. "images" -> 3. */
export type SkippedCounts = Map<string, number>;

const PART_LABELS: Record<string, string> = {
  image_asset_pointer: 'images',
  audio_asset_pointer: 'audio recordings',
  real_time_user_audio_video_asset_pointer: 'voice or video recordings',
  video_container_asset_pointer: 'videos',
};

const MESSAGE_LABELS: Record<string, string> = {
  code: 'code sent to tools',
  execution_output: 'code interpreter output',
  tether_browsing_display: 'web browsing results',
  tether_quote: 'web quotes',
  thoughts: 'reasoning',
  reasoning_recap: 'reasoning summaries',
  model_editable_context: 'memory updates',
  system_error: 'error notices',
  multimodal_text: 'generated images and files',
};

export function countSkipped(counts: SkippedCounts, label: string, n = 1): void {
  if (n > 0) counts.set(label, (counts.get(label) ?? 0) + n);
}

export function readChatGptMessage(raw: unknown, path: string, skipped: SkippedCounts): NodeReading {
  if (raw === null || raw === undefined) return { kind: 'skip' };
  const m = readObject(raw, path);
  const author = required(m, 'author', path, readObject);
  const role = required(author, 'role', childPath(path, 'author'), (v, p) => readString(v, p, 100));
  const contentPath = childPath(path, 'content');
  const content = required(m, 'content', path, readObject);
  const type = required(content, 'content_type', contentPath, (v, p) => readString(v, p, 100));
  const metadata = optional(m, 'metadata', path, (v, p) => (v === null ? undefined : readObject(v, p)));
  const recipient = optional(m, 'recipient', path, (v, p) => (v === null ? undefined : readString(v, p, 200)));
  const hidden = metadata !== undefined && own(metadata, 'is_visually_hidden_from_conversation') === true;

  if (type === 'user_editable_context' || (metadata && isObject(own(metadata, 'user_context_message_data')))) {
    return { kind: 'instructions', text: instructionsText(content, contentPath, metadata, childPath(path, 'metadata')) };
  }
  if (role === 'system') {
    const parts = own(content, 'parts');
    const said = Array.isArray(parts) && parts.some((p) => typeof p === 'string' && p.trim());
    if (said && !hidden) countSkipped(skipped, 'system messages');
    return { kind: 'skip' };
  }
  if (role === 'tool') return skip(skipped, type === 'text' ? 'tool messages' : (MESSAGE_LABELS[type] ?? `tool messages (${type})`));
  if (role !== 'user' && role !== 'assistant') return skip(skipped, `${role} messages`);
  if (recipient !== undefined && recipient !== 'all') return skip(skipped, type === 'code' ? 'code sent to tools' : 'tool calls');
  if (type !== 'text' && type !== 'multimodal_text') return skip(skipped, MESSAGE_LABELS[type] ?? `${type} messages`);
  if (hidden) return skip(skipped, 'hidden messages');

  const text = readText(content, contentPath, type, skipped);
  const attachments = metadata ? own(metadata, 'attachments') : undefined;
  if (Array.isArray(attachments)) countSkipped(skipped, 'attached files', attachments.length);
  if (!text.trim()) return { kind: 'skip' };

  const createdAt = optional(m, 'create_time', path, (v, p) => (v === null ? null : readNumber(v, p))) ?? null;
  const reading: KeptMessage = { kind: 'keep', role, text, createdAt: createdAt === null ? null : Math.round(createdAt * 1000), status: 'complete' };
  if (role === 'assistant' && metadata) {
    const slug = optional(metadata, 'model_slug', childPath(path, 'metadata'), (v, p) => (v === null ? undefined : readString(v, p, 200)));
    if (slug) reading.modelName = slug;
    const finish = own(metadata, 'finish_details');
    const finishType = isObject(finish) ? own(finish, 'type') : undefined;
    if (finishType === 'stop') reading.finishReason = 'stop';
    if (finishType === 'max_tokens') reading.finishReason = 'length';
    if (finishType === 'interrupted') {
      reading.finishReason = 'abort';
      reading.status = 'stopped';
    }
  }
  if (own(m, 'status') === 'in_progress') reading.status = 'interrupted';
  return reading;
}

function skip(skipped: SkippedCounts, label: string): NodeReading {
  countSkipped(skipped, label);
  return { kind: 'skip' };
}

/** String parts (and voice transcripts) joined as paragraphs; other parts are counted, not kept. */
function readText(content: JsonObject, contentPath: string, type: string, skipped: SkippedCounts): string {
  const partsPath = childPath(contentPath, 'parts');
  const parts = required(content, 'parts', contentPath, (v, p) => readArray(v, p, 10_000));
  const texts: string[] = [];
  let length = 0;
  parts.forEach((part, i) => {
    const partPath = childPath(partsPath, i);
    let text: string | undefined;
    if (typeof part === 'string') text = part;
    else if (type === 'text') throw new FieldProblem('invalid', partPath, 'must be a string');
    else if (!isObject(part)) throw new FieldProblem('invalid', partPath, 'must be a string or an object');
    else {
      const partType = required(part, 'content_type', partPath, (v, p) => readString(v, p, 100));
      if (partType === 'audio_transcription') text = required(part, 'text', partPath, (v, p) => readString(v, p, TRANSFER_LIMITS.maxMessageChars));
      else countSkipped(skipped, PART_LABELS[partType] ?? `${partType} parts`);
    }
    if (!text) return;
    length += text.length;
    if (length > TRANSFER_LIMITS.maxMessageChars) {
      throw new FieldProblem('too-large', partsPath, `hold more than ${TRANSFER_LIMITS.maxMessageChars.toLocaleString('en')} characters, the most one message can hold`);
    }
    texts.push(text);
  });
  return texts.join('\n\n');
}

/** "About me" and "How to respond", as the person wrote them (or as ChatGPT stored them). */
function instructionsText(content: JsonObject, contentPath: string, metadata: JsonObject | undefined, metadataPath: string): string {
  const data = metadata ? own(metadata, 'user_context_message_data') : undefined;
  const long = (v: unknown, p: string) => (v === null ? '' : readString(v, p, TRANSFER_LIMITS.maxMessageChars));
  let aboutUser: string | undefined;
  let aboutModel: string | undefined;
  if (isObject(data)) {
    const dataPath = childPath(metadataPath, 'user_context_message_data');
    aboutUser = optional(data, 'about_user_message', dataPath, long);
    aboutModel = optional(data, 'about_model_message', dataPath, long);
  }
  aboutUser ??= optional(content, 'user_profile', contentPath, long);
  aboutModel ??= optional(content, 'user_instructions', contentPath, long);
  const sections = [
    aboutUser?.trim() ? `About me:\n${aboutUser.trim()}` : '',
    aboutModel?.trim() ? `How I would like you to respond:\n${aboutModel.trim()}` : '',
  ];
  return sections.filter(Boolean).join('\n\n');
}
