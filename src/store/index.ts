/**
 * @module
 * The store: analyses in PostgreSQL (PGlite embedded by default, a server via `postgres://`).
 */
export { openStore, storeOver, type Store } from './store.js'
export { DEFAULT_STORE_PATH, parseStoreUrl, storeUrlFrom, type StoreLocation } from './store-url.js'
export {
  DRIVER_KINDS,
  type Driver,
  type DriverKind,
  type Queryable,
  type SqlParam,
} from './driver.js'
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration } from './migrate.js'
export {
  saveAnalysis,
  documentStatus,
  addSource,
  publishedInstant,
  wordCount,
  SAVE_OUTCOMES,
  type SaveOutcome,
} from './save-analysis.js'
export { loadAnalysis } from './load-analysis.js'
export {
  counts,
  listDocuments,
  searchDocuments,
  SEARCH_LIMIT_MAX,
  type DocumentRow,
  type SearchHit,
  type StoreCounts,
} from './queries.js'
export {
  filterClaims,
  entityPage,
  searchAll,
  documentSources,
  storeVersion,
  entityNames,
  searchDocumentsRanked,
  SEARCH_RANK_CANDIDATES,
  CLAIMS_LIMIT_MAX,
  type ClaimRow,
  type ClaimFilter,
  type EntityPage,
  type SearchResults,
} from './queries-api.js'
