/**
 * Reads of one conversation's messages through the [conversationId+createdAt]
 * index, sized so that a conversation of thousands of messages opens quickly
 * and never blocks the page for long.
 */
import { db, type StoredMessage } from '../../db';

const fromTime = (conversationId: string, from: number) =>
  db.messages.where('[conversationId+createdAt]').between([conversationId, from], [conversationId, Infinity], true, true);

/** The newest `count` messages, newest first. */
export const readNewestMessages = (conversationId: string, count: number): Promise<StoredMessage[]> =>
  fromTime(conversationId, -Infinity).reverse().limit(count).toArray();

/** Every message, oldest first, a page at a time: each page is read and decoded in its own task. */
export async function readAllMessages(conversationId: string, signal: AbortSignal, pageSize = 400): Promise<StoredMessage[]> {
  const read = new Map<string, StoredMessage>();
  let from = -Infinity;
  for (;;) {
    // Each page starts at the last one's creation time, so messages sharing it are not skipped.
    const page = await fromTime(conversationId, from).limit(pageSize).toArray();
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    const fresh = page.filter((m) => !read.has(m.id));
    fresh.forEach((m) => read.set(m.id, m));
    if (page.length < pageSize) break;
    if (!fresh.length) {
      // More than a page of messages share one creation time: read the rest at once.
      (await fromTime(conversationId, from).toArray()).forEach((m) => read.set(m.id, m));
      break;
    }
    from = page.at(-1)!.createdAt;
  }
  return [...read.values()];
}
