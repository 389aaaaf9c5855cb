/**
 * Checks that parent links form a forest: every parent exists, no cycles,
 * no branch deeper than the limit. Iterative, so hostile depth cannot
 * overflow the stack.
 */
import { FieldProblem } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

export interface TreeLinks {
  /** Node id -> parent id (null for a root). */
  parents: ReadonlyMap<string, string | null>;
  /** Where a node's parent link is written, for messages. */
  parentPath(id: string): string;
  /** What a cycle is reported on, e.g. "mapping" or "messages". */
  name: string;
}

/** Returns each node's depth (roots are 1). */
export function checkTree({ parents, parentPath, name }: TreeLinks, maxDepth: number = TRANSFER_LIMITS.maxDepth): Map<string, number> {
  const depth = new Map<string, number>();
  for (const start of parents.keys()) {
    if (depth.has(start)) continue;
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | null = start;
    let base = 0;
    while (current !== null) {
      const known = depth.get(current);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (onChain.has(current)) throw cycleProblem(chain, current, name);
      chain.push(current);
      onChain.add(current);
      const parent: string | null = parents.get(current) ?? null;
      if (parent !== null && !parents.has(parent)) {
        throw new FieldProblem('invalid', parentPath(current), `refers to ${JSON.stringify(parent)}, which is not in ${name}`);
      }
      current = parent;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base += 1;
      if (base > maxDepth) {
        throw new FieldProblem('too-large', name, `has a branch of more than ${maxDepth.toLocaleString('en')} messages`);
      }
      depth.set(chain[i]!, base);
    }
  }
  return depth;
}

function cycleProblem(chain: string[], repeated: string, name: string): FieldProblem {
  const loop = chain.slice(chain.indexOf(repeated));
  const shown = loop.length > 6 ? [...loop.slice(0, 5), '…'] : loop;
  const text = [...shown, repeated].map((id) => (id === '…' ? id : JSON.stringify(id))).join(' → ');
  return new FieldProblem('cycle', name, `has a cycle (a message is its own ancestor): ${text}`);
}
