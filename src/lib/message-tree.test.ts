import { describe, expect, it } from 'vitest';
import { latestLeaf, pathToLeaf } from './message-tree';

const n = (id: string, parentId: string | null, createdAt: number) => ({ id, parentId, createdAt });

describe('message tree', () => {
  const nodes = [n('a', null, 1), n('b', 'a', 2), n('c', 'b', 3), n('c2', 'b', 4), n('d', 'c2', 5)];

  it('walks from the root to the leaf', () => {
    expect(pathToLeaf(nodes, 'd').map((x) => x.id)).toEqual(['a', 'b', 'c2', 'd']);
    expect(pathToLeaf(nodes, 'c').map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(pathToLeaf(nodes, null)).toEqual([]);
  });

  it('stops on a cycle instead of looping forever', () => {
    expect(pathToLeaf([n('x', 'y', 1), n('y', 'x', 2)], 'x').map((v) => v.id)).toEqual(['y', 'x']);
  });

  it('finds the most recently written leaf under a node', () => {
    expect(latestLeaf(nodes, 'b')).toBe('d');
    expect(latestLeaf(nodes, 'c')).toBe('c');
    // A newer reply deep in an older branch wins over a newer sibling with no follow-up.
    const branchy = [n('q', null, 1), n('a1', 'q', 2), n('a2', 'q', 3), n('q2', 'a1', 4), n('a3', 'q2', 5)];
    expect(latestLeaf(branchy, 'q')).toBe('a3');
    expect(latestLeaf(branchy, 'a2')).toBe('a2');
    expect(latestLeaf(branchy, 'missing')).toBe('missing');
  });
});
