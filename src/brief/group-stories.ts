/**
 * @module
 * Stories: documents grouped by union-find over shared names and events.
 */
import type { LinkKey } from './link-keys.js'

/**
 * Group documents (by index) into stories. Returns groups of indices, each sorted ascending, in
 * the order of their smallest index.
 *
 * Two documents join when a pair of names salient in one is mentioned in the other (so at least
 * two shared names, and they matter to one of them), or when they report an event of one family at
 * one place. Each document registers the pairs of its salient names; then every document looks up
 * the pairs of all its names: the work grows with the names per document (capped), not with the
 * square of the number of documents.
 */
export function groupStories(keysByDocument: readonly (readonly LinkKey[])[]): number[][] {
  const parent = keysByDocument.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root]!
    // Path compression keeps later finds flat.
    while (parent[i] !== root) {
      const next = parent[i]!
      parent[i] = root
      i = next
    }
    return root
  }
  const union = (a: number, b: number): void => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const names = (keys: readonly LinkKey[], salientOnly: boolean): string[] =>
    keys
      .filter((k) => k.kind === 'entity' && (k.salient || !salientOnly))
      .map((k) => k.key)
      .sort()

  const firstWithPair = new Map<string, number>()
  keysByDocument.forEach((keys, doc) => {
    forEachPair(names(keys, true), (pair) => {
      const first = firstWithPair.get(pair)
      if (first === undefined) firstWithPair.set(pair, doc)
      else union(first, doc)
    })
  })
  keysByDocument.forEach((keys, doc) => {
    forEachPair(names(keys, false), (pair) => {
      const first = firstWithPair.get(pair)
      if (first !== undefined) union(first, doc)
    })
  })

  const firstWithEvent = new Map<string, number>()
  keysByDocument.forEach((keys, doc) => {
    for (const key of keys) {
      if (key.kind !== 'event') continue
      const first = firstWithEvent.get(key.key)
      if (first === undefined) firstWithEvent.set(key.key, doc)
      else union(first, doc)
    }
  })

  const groups = new Map<number, number[]>()
  keysByDocument.forEach((_, doc) => {
    const root = find(doc)
    const group = groups.get(root)
    if (group === undefined) groups.set(root, [doc])
    else group.push(doc)
  })
  return [...groups.values()]
}

/** Calls `visit` with every unordered pair of the sorted keys, as one string. */
function forEachPair(sorted: readonly string[], visit: (pair: string) => void): void {
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) visit(`${sorted[i]}\u0000${sorted[j]}`)
  }
}
