/**
 * @module
 * `createStoreWatch()`: the store's version (`storeVersion`), asked at most once per `ttlMs`, so
 * caches built from every stored analysis can check freshness without a query per request.
 * Writes through the API call `invalidate()` and are seen at once.
 */
import { storeVersion, type Store } from '../store/index.js'

export interface StoreWatch {
  version(): Promise<string>
  invalidate(): void
}

export function createStoreWatch(store: Store, ttlMs = 2000): StoreWatch {
  let known: { version: string; at: number } | null = null
  return {
    async version() {
      const now = performance.now()
      if (known !== null && now - known.at < ttlMs) return known.version
      known = { version: await storeVersion(store.db), at: now }
      return known.version
    },
    invalidate() {
      known = null
    },
  }
}
