/**
 * @module
 * Stories: documents grouped by union-find. Two documents join when they share at least two
 * entity link keys, or one event key (an event of the same type at the same place).
 */
import type { LinkKey } from './link-keys.js'

/**
 * Group documents (by index) into stories. Returns groups of indices, each sorted ascending, in
 * the order of their smallest index.
 *
 * Sharing two keys means sharing a pair of keys, so each document registers every pair of its own
 * entity keys and joins the first document that registered the same pair: the work grows with the
 * keys per document (capped), not with the square of the number of documents.
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

  const firstWithPair = new Map<string, number>()
  const firstWithEvent = new Map<string, number>()
  keysByDocument.forEach((keys, doc) => {
    const entityKeys = keys
      .filter((k) => k.kind === 'entity')
      .map((k) => k.key)
      .sort()
    for (let i = 0; i < entityKeys.length; i++) {
      for (let j = i + 1; j < entityKeys.length; j++) {
        // A shared pair is exactly "at least two shared keys".
        const pair = `${entityKeys[i]}\u0000${entityKeys[j]}`
        const first = firstWithPair.get(pair)
        if (first === undefined) firstWithPair.set(pair, doc)
        else union(first, doc)
      }
    }
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
