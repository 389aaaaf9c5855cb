/**
 * Branching: regenerate a reply or edit a sent message. Both add a sibling,
 * so the old branch stays reachable; flipping siblings moves the shown leaf.
 */
import { conversationsRepo, messagesRepo } from '../../db';
import { latestLeaf } from '../../lib/message-tree';
import type { ModelRecord } from '../../models/records';
import { ChatError, continueFrom } from './chat-controller';

/** Show `siblingId` and, below it, the branch that was written last. */
export async function showSibling(conversationId: string, siblingId: string): Promise<void> {
  const all = await messagesRepo.listForConversation(conversationId);
  await conversationsRepo.setLeaf(conversationId, latestLeaf(all, siblingId));
}

/** Write a new reply to the message before `replyId`, as a sibling of `replyId`. */
export async function regenerate(conversationId: string, replyId: string, record: ModelRecord): Promise<void> {
  const all = await messagesRepo.listForConversation(conversationId);
  const reply = all.find((m) => m.id === replyId);
  const parent = reply?.parentId ? all.find((m) => m.id === reply.parentId) : undefined;
  if (!reply || reply.role !== 'assistant' || !parent) throw new ChatError('empty', 'There is no message to answer again.');
  await continueFrom(conversationId, parent, record);
}

/** Send an edited copy of a sent message as a new branch, then answer it. */
export async function editAndResend(conversationId: string, messageId: string, text: string, record: ModelRecord): Promise<void> {
  const content = text.trim();
  if (!content) throw new ChatError('empty', 'A message cannot be empty.');
  const original = (await messagesRepo.listForConversation(conversationId)).find((m) => m.id === messageId);
  if (!original || original.role !== 'user') throw new ChatError('empty', 'Only your own messages can be edited.');
  await continueFrom(conversationId, null, record, { parentId: original.parentId, content });
}
