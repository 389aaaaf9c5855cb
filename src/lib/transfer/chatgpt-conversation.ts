/**
 * A ChatGPT conversation (`mapping` of node id -> {id, message, parent,
 * children}) as our tree: every branch is kept, nodes that are left out are
 * collapsed (their children hang from the nearest kept ancestor), and the
 * shown leaf is `current_node` or its nearest kept ancestor.
 */
import type { ConversationWithMessages, TransferMessage, TransferSettings } from './export-format';
import { readChatGptMessage, type KeptMessage, type SkippedCounts } from './chatgpt-message';
import { childPath, entryPath, isId, optional, own, readNumber, readObject, readString, required } from './json-fields';
import { checkTree } from './tree-shape';
import { FieldProblem } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

export interface ChatGptConversion extends ConversationWithMessages {
  skipped: SkippedCounts;
}

const nodePath = (id: string) => entryPath('mapping', id);
const seconds = (v: unknown, p: string) => (v === null ? null : Math.round(readNumber(v, p) * 1000));

export function convertChatGptConversation(raw: unknown, defaults: TransferSettings, newId: () => string): ChatGptConversion {
  const c = readObject(raw, '');
  const mapping = required(c, 'mapping', '', readObject);
  const ids = Object.keys(mapping);
  if (ids.length > TRANSFER_LIMITS.maxMessages * 2) {
    throw new FieldProblem('too-large', 'mapping', `has ${ids.length.toLocaleString('en')} nodes; at most ${(TRANSFER_LIMITS.maxMessages * 2).toLocaleString('en')} are allowed`);
  }
  const parents = new Map<string, string | null>();
  const skipped: SkippedCounts = new Map();
  const kept = new Map<string, KeptMessage>();
  const instructions: { node: string; text: string }[] = [];
  for (const id of ids) {
    const path = nodePath(id);
    const node = readObject(mapping[id], path);
    const ownId = optional(node, 'id', path, (v, p) => readString(v, p, 500));
    if (ownId !== undefined && ownId !== id) throw new FieldProblem('invalid', childPath(path, 'id'), `must equal its key ${JSON.stringify(id)}`);
    parents.set(id, optional(node, 'parent', path, (v, p) => (v === null ? null : readString(v, p, 500))) ?? null);
    const reading = readChatGptMessage(own(node, 'message'), childPath(path, 'message'), skipped);
    if (reading.kind === 'keep') kept.set(id, reading);
    if (reading.kind === 'instructions') instructions.push({ node: id, text: reading.text });
  }
  const depth = checkTree({ parents, parentPath: (id) => childPath(nodePath(id), 'parent'), name: 'mapping' }, TRANSFER_LIMITS.maxDepth * 4);
  const currentNode = optional(c, 'current_node', '', (v, p) => (v === null ? null : readString(v, p, 500))) ?? null;
  if (currentNode !== null && !parents.has(currentNode)) {
    throw new FieldProblem('invalid', 'current_node', `refers to ${JSON.stringify(currentNode)}, which is not in mapping`);
  }

  const times = [...kept.values()].map((k) => k.createdAt).filter((t): t is number => t !== null);
  const createdAt = optional(c, 'create_time', '', seconds) ?? (times.length ? times.reduce((a, b) => Math.min(a, b)) : 0);

  // Parents before children, so each node's nearest kept ancestor (and time) is known when it is reached.
  const nearestKept = new Map<string, string | null>();
  const messageIds = new Map<string, string>();
  const messages: TransferMessage[] = [];
  const createdOf = new Map<string, number>();
  for (const id of [...ids].sort((a, b) => depth.get(a)! - depth.get(b)!)) {
    const parent = parents.get(id) ?? null;
    const above = parent === null ? null : nearestKept.get(parent)!;
    const reading = kept.get(id);
    if (!reading) {
      nearestKept.set(id, above);
      continue;
    }
    nearestKept.set(id, id);
    const messageId = isId(id) ? id : newId();
    messageIds.set(id, messageId);
    const at = reading.createdAt ?? (above === null ? createdAt : createdOf.get(above)!);
    createdOf.set(id, at);
    const message: TransferMessage = {
      id: messageId,
      parentId: above === null ? null : messageIds.get(above)!,
      role: reading.role,
      content: reading.text,
      createdAt: at,
      status: reading.status,
    };
    if (reading.finishReason) message.finishReason = reading.finishReason;
    if (reading.modelName) message.modelName = reading.modelName;
    messages.push(message);
  }
  checkTree({ parents: new Map(messages.map((m) => [m.id, m.parentId])), parentPath: () => 'mapping', name: 'mapping' });

  const leafNode = currentNode === null ? null : nearestKept.get(currentNode)!;
  const leafId = currentNode === null ? newestKept(messages) : leafNode === null ? null : messageIds.get(leafNode)!;
  const updatedAt = optional(c, 'update_time', '', seconds) ?? messages.reduce((latest, m) => Math.max(latest, m.createdAt), createdAt);
  const title = (optional(c, 'title', '', (v, p) => (v === null ? '' : readString(v, p))) ?? '').trim() || 'Untitled conversation';
  const rawId = own(c, 'id') ?? own(c, 'conversation_id');
  const systemPrompt = pickInstructions(instructions, parents, currentNode);
  return {
    conversation: {
      id: isId(rawId) ? rawId : newId(),
      title,
      createdAt,
      updatedAt,
      pinned: own(c, 'is_starred') === true ? 1 : 0,
      tags: [],
      leafId,
      modelId: null,
      settings: { ...defaults, stop: [...defaults.stop], systemPrompt: systemPrompt ?? defaults.systemPrompt },
    },
    messages,
    skipped,
  };
}

function newestKept(messages: TransferMessage[]): string | null {
  let best: TransferMessage | null = null;
  for (const m of messages) if (!best || m.createdAt >= best.createdAt) best = m;
  return best?.id ?? null;
}

/** The custom instructions on the shown branch, else the first found. */
function pickInstructions(found: { node: string; text: string }[], parents: ReadonlyMap<string, string | null>, currentNode: string | null): string | null {
  if (!found.length) return null;
  const onBranch = new Set<string>();
  for (let id = currentNode; id !== null; id = parents.get(id) ?? null) onBranch.add(id);
  return (found.find((f) => onBranch.has(f.node)) ?? found[0]!).text;
}
