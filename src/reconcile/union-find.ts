/**
 * Union-find over the integers 0 … n−1 with path compression; a union keeps the smaller root, so
 * each group is named by its first member. `add` grows it by one element (for indexes that take
 * documents one at a time).
 */
export interface UnionFind {
  find(i: number): number
  union(a: number, b: number): void
  /** A new element in a group of its own; returns its number (the former size). */
  add(): number
  /** The groups as they stand: each root with its members in increasing order. */
  groups(): Map<number, number[]>
}

export function unionFind(n = 0): UnionFind {
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root]!
    while (parent[i] !== root) {
      const next = parent[i]!
      parent[i] = root
      i = next
    }
    return root
  }
  return {
    find,
    add() {
      parent.push(parent.length)
      return parent.length - 1
    },
    groups() {
      const groups = new Map<number, number[]>()
      for (let i = 0; i < parent.length; i++) {
        const root = find(i)
        const list = groups.get(root)
        if (list === undefined) groups.set(root, [i])
        else list.push(i)
      }
      return groups
    },
    union(a, b) {
      const ra = find(a)
      const rb = find(b)
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
    },
  }
}
