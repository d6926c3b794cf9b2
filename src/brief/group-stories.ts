/**
 * @module
 * Stories: documents grouped by union-find over shared names and events.
 */
import type { LinkKey } from './link-keys.js'
import { unionFind } from '../reconcile/union-find.js'

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
  const { union, groups } = unionFind(keysByDocument.length)
  // Names as small integers, so a pair is one number rather than a concatenated string.
  const nameIds = new Map<string, number>()
  const idOf = (name: string): number => {
    let id = nameIds.get(name)
    if (id === undefined) {
      id = nameIds.size
      nameIds.set(name, id)
    }
    return id
  }
  const names = (keys: readonly LinkKey[], salientOnly: boolean): number[] =>
    keys
      .filter((k) => k.kind === 'entity' && (k.salient || !salientOnly))
      .map((k) => k.key)
      .sort()
      .map(idOf)

  const firstWithPair = new Map<number, number>()
  const salientAnywhere = new Set<number>()
  keysByDocument.forEach((keys, doc) => {
    const salient = names(keys, true)
    for (const id of salient) salientAnywhere.add(id)
    forEachPair(salient, (pair) => {
      const first = firstWithPair.get(pair)
      if (first === undefined) firstWithPair.set(pair, doc)
      else union(first, doc)
    })
  })
  // Only names salient in some document can be in a registered pair.
  keysByDocument.forEach((keys, doc) => {
    const mentioned = names(keys, false).filter((id) => salientAnywhere.has(id))
    forEachPair(mentioned, (pair) => {
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

  return [...groups().values()]
}

/** Name ids per pair key: far more than the names of any story. */
const PAIR_BASE = 2 ** 26

/**
 * Calls `visit` with every unordered pair of the names (ids in the order of the sorted names), as
 * one number.
 */
function forEachPair(ids: readonly number[], visit: (pair: number) => void): void {
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) visit(ids[i]! * PAIR_BASE + ids[j]!)
  }
}
