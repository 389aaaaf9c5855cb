/** Conversations are trees of messages; the screen shows one path. */

export interface TreeNode {
  id: string;
  parentId: string | null;
  createdAt: number;
}

/** The path from the root to `leafId`, oldest first. Stops safely on cycles or gaps. */
export function pathToLeaf<T extends TreeNode>(nodes: readonly T[], leafId: string | null): T[] {
  if (!leafId) return [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: T[] = [];
  const seen = new Set<string>();
  let current = byId.get(leafId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path.reverse();
}

/**
 * The most recently written leaf under `id` (or `id` itself): returning to a
 * branch shows where the conversation on it was last continued.
 */
export function latestLeaf<T extends TreeNode>(nodes: readonly T[], id: string): string {
  const children = new Map<string, T[]>();
  for (const n of nodes) {
    if (!n.parentId) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const start = nodes.find((n) => n.id === id);
  if (!start) return id;
  let best = start;
  const stack = [start];
  const seen = new Set<string>();
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const kids = children.get(node.id);
    if (!kids?.length) {
      if (node.createdAt > best.createdAt || best === start) best = node;
    } else stack.push(...kids);
  }
  return best.id;
}

/** Siblings share a parent (the first messages share `null`), oldest first. */
export function siblingGroups<T extends TreeNode>(nodes: readonly T[]): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const n of nodes) {
    const list = groups.get(n.parentId) ?? [];
    list.push(n);
    groups.set(n.parentId, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return groups;
}
