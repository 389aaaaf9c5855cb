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

/** The newest leaf under `id` (following the latest child at each step). */
export function latestLeaf<T extends TreeNode>(nodes: readonly T[], id: string): string {
  const children = new Map<string, T[]>();
  for (const n of nodes) {
    if (!n.parentId) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    if (seen.has(current)) return current;
    seen.add(current);
    const kids = children.get(current);
    if (!kids?.length) return current;
    current = kids.reduce((a, b) => (b.createdAt > a.createdAt ? b : a)).id;
  }
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
