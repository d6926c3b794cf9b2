/**
 * @module
 * `createEntityIndex()`: entity names in memory for search, rebuilt when the store changes. Every
 * word of the query must start a word of a name ("vosk" finds "Adrian Voskel"); entities are
 * ranked by the number of documents naming them.
 */
import { entityNames, type SearchResults, type Store } from '../store/index.js'
import type { StoreWatch } from './store-watch.js'

interface Row {
  readonly key: string
  readonly name: string
  readonly type: string
  readonly documents: number
  readonly words: readonly string[]
}

export interface EntityIndex {
  search(q: string, limit: number): Promise<SearchResults['entities']>
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')

export function createEntityIndex(store: Store, watch: StoreWatch): EntityIndex {
  let cached: { version: string; rows: Row[] } | null = null
  async function rows(): Promise<Row[]> {
    const version = await watch.version()
    if (cached?.version === version) return cached.rows
    const all = (await entityNames(store.db)).map((r) => ({ ...r, words: words(r.name) }))
    cached = { version, rows: all }
    return all
  }
  return {
    async search(q, limit) {
      const wanted = words(q.replace(/(^|\s)-\S+/g, ' '))
      if (wanted.length === 0) return []
      const byKey = new Map<string, { best: Row; documents: number }>()
      for (const row of await rows()) {
        if (!wanted.every((w) => row.words.some((n) => n.startsWith(w)))) continue
        const seen = byKey.get(row.key)
        if (seen === undefined) byKey.set(row.key, { best: row, documents: row.documents })
        else {
          seen.documents = Math.max(seen.documents, row.documents)
          if (row.documents > seen.best.documents) seen.best = row
        }
      }
      return [...byKey.values()]
        .sort((a, b) => b.documents - a.documents || a.best.key.localeCompare(b.best.key))
        .slice(0, limit)
        .map(({ best, documents }) => ({
          key: best.key,
          name: best.name,
          type: best.type,
          documents,
        }))
    },
  }
}
