/** The shown branch (first message -> leaf) of conversations as Markdown or plain text, with a short header. */
import { pathToLeaf } from '../message-tree';
import type { ConversationWithMessages, TransferMessage, TransferSettings } from './export-format';

export function formatTime(ms: number): string {
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'unknown time';
}

/** Model names used on the branch (or the conversation's model), for the header. */
export function modelsOf({ conversation }: ConversationWithMessages, branch: readonly TransferMessage[]): string {
  const names = [...new Set(branch.map((m) => m.modelName ?? m.modelId).filter((n): n is string => !!n))];
  return names.join(', ') || conversation.modelId || 'none';
}

export function settingsLine(s: TransferSettings): string {
  const parts = [`temperature ${s.temperature}`, `top-p ${s.topP}`, `up to ${s.maxTokens} tokens`, `repetition penalty ${s.repetitionPenalty}`];
  if (s.seed !== undefined) parts.push(`seed ${s.seed}`);
  return parts.join(', ');
}

/** "stopped", "error: …" for replies that did not finish normally. */
export function messageNote(m: TransferMessage): string | null {
  if (m.status === 'complete') return m.finishReason === 'length' ? 'cut at the token limit' : null;
  if (m.status === 'error') return `error${m.error ? `: ${m.error.message}` : ''}`;
  return m.status;
}

export const shownBranch = (c: ConversationWithMessages) => pathToLeaf(c.messages, c.conversation.leafId);

const roleName = (m: TransferMessage) => (m.role === 'user' ? 'You' : 'Assistant');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function conversationMarkdown(c: ConversationWithMessages): string {
  const branch = shownBranch(c);
  const { conversation: conv } = c;
  const lines = [
    `# ${oneLine(conv.title) || 'Untitled'}`,
    '',
    `- **Model:** ${modelsOf(c, branch)}`,
    `- **Started:** ${formatTime(conv.createdAt)} · **Last updated:** ${formatTime(conv.updatedAt)}`,
    `- **Settings:** ${settingsLine(conv.settings)}`,
  ];
  if (conv.tags.length) lines.push(`- **Tags:** ${conv.tags.join(', ')}`);
  if (conv.settings.systemPrompt.trim()) lines.push('- **System prompt:**', '', ...conv.settings.systemPrompt.split('\n').map((l) => `> ${l}`.trimEnd()));
  lines.push('', '---');
  for (const m of branch) {
    const note = messageNote(m);
    const model = m.role === 'assistant' && (m.modelName ?? m.modelId) ? ` (${m.modelName ?? m.modelId})` : '';
    lines.push('', `**${roleName(m)}**${model} · ${formatTime(m.createdAt)}${note ? ` · _${oneLine(note)}_` : ''}`, '', m.content);
  }
  return `${lines.join('\n')}\n`;
}

export function conversationText(c: ConversationWithMessages): string {
  const branch = shownBranch(c);
  const { conversation: conv } = c;
  const lines = [
    oneLine(conv.title) || 'Untitled',
    `Model: ${modelsOf(c, branch)}`,
    `Started: ${formatTime(conv.createdAt)}; last updated: ${formatTime(conv.updatedAt)}`,
    `Settings: ${settingsLine(conv.settings)}`,
  ];
  if (conv.tags.length) lines.push(`Tags: ${conv.tags.join(', ')}`);
  if (conv.settings.systemPrompt.trim()) lines.push('System prompt:', ...conv.settings.systemPrompt.split('\n').map((l) => `  ${l}`.trimEnd()));
  for (const m of branch) {
    const details = [m.role === 'assistant' ? (m.modelName ?? m.modelId) : undefined, formatTime(m.createdAt), messageNote(m) ?? undefined].filter(Boolean);
    lines.push('', `${roleName(m)} (${details.join(', ')}):`, m.content);
  }
  return `${lines.join('\n')}\n`;
}

export function conversationsMarkdown(list: readonly ConversationWithMessages[]): string {
  return list.map(conversationMarkdown).join('\n---\n\n');
}

export function conversationsText(list: readonly ConversationWithMessages[]): string {
  return list.map(conversationText).join(`\n${'='.repeat(72)}\n\n`);
}
