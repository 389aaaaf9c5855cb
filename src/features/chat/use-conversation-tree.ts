/**
 * A conversation's messages as a tree: the visible path and each message's
 * siblings. The newest messages are read first and kept live (new messages
 * and the reply being written arrive there); the rest are read once, a page
 * at a time, so a long conversation shows its end at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { conversationsRepo, type StoredConversation, type StoredMessage } from '../../db';
import { readAllMessages, readNewestMessages } from './conversation-reader';

export interface SiblingInfo {
  index: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
}

export interface ConversationTree {
  path: StoredMessage[];
  siblings: Map<string, SiblingInfo>;
}

/** How many of the newest messages are watched live. */
const NEWEST = 50;

interface Index {
  byId: Map<string, StoredMessage>;
  children: Map<string | null, StoredMessage[]>;
}

function indexOf(messages: readonly StoredMessage[]): Index {
  const byId = new Map<string, StoredMessage>();
  const children = new Map<string | null, StoredMessage[]>();
  for (const m of messages) {
    byId.set(m.id, m);
    const list = children.get(m.parentId);
    if (list) list.push(m);
    else children.set(m.parentId, [m]);
  }
  return { byId, children };
}

export function useConversation(id: string | null): StoredConversation | null | undefined {
  return useLiveQuery(async () => (id ? ((await conversationsRepo.get(id)) ?? null) : undefined), [id]);
}

/** Everything but the newest messages, read once per conversation and again when new messages have outgrown the newest ones. */
function useEarlierMessages(id: string | null, newest: StoredMessage[] | undefined): StoredMessage[] | null {
  const [read, setRead] = useState<{ id: string; upTo: number; messages: StoredMessage[] } | null>(null);
  const oldestNewest = newest?.at(-1)?.createdAt ?? -Infinity;
  const needed = !!id && !!newest && newest.length >= NEWEST;
  const current = read?.id === id ? read : null;
  const stale = needed && (!current || oldestNewest > current.upTo);
  useEffect(() => {
    if (!stale || !id) return;
    const controller = new AbortController();
    readAllMessages(id, controller.signal).then(
      (messages) => setRead({ id, upTo: Math.max(-Infinity, ...messages.map((m) => m.createdAt)), messages }),
      () => {},
    );
    return () => controller.abort();
  }, [id, stale]);
  return needed ? (current?.messages ?? null) : null;
}

export function useConversationTree(conversation: StoredConversation | null | undefined): ConversationTree | undefined {
  const id = conversation?.id ?? null;
  const newest = useLiveQuery(() => (id ? readNewestMessages(id, NEWEST) : []), [id]);
  const earlier = useEarlierMessages(id, newest);
  const earlierIndex = useMemo(() => indexOf(earlier ?? []), [earlier]);
  const leafId = conversation?.leafId ?? null;
  return useMemo(() => {
    if (!newest) return undefined;
    const latest = indexOf(newest);
    const find = (messageId: string) => latest.byId.get(messageId) ?? earlierIndex.byId.get(messageId);
    const path: StoredMessage[] = [];
    const seen = new Set<string>();
    for (let m = leafId ? find(leafId) : undefined; m && !seen.has(m.id); m = m.parentId ? find(m.parentId) : undefined) {
      seen.add(m.id);
      path.push(m);
    }
    path.reverse();
    const siblings = new Map<string, SiblingInfo>();
    for (const m of path) {
      const group = new Map<string, StoredMessage>();
      for (const s of [...(earlierIndex.children.get(m.parentId) ?? []), ...(latest.children.get(m.parentId) ?? [])]) group.set(s.id, s);
      const ordered = [...group.values()].sort((a, b) => a.createdAt - b.createdAt);
      const index = ordered.findIndex((g) => g.id === m.id);
      siblings.set(m.id, { index, count: ordered.length, previousId: ordered[index - 1]?.id ?? null, nextId: ordered[index + 1]?.id ?? null });
    }
    return { path, siblings };
  }, [newest, earlierIndex, leafId]);
}
