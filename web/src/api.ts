// Typed fetch helpers for the claimgraph API. Types come from the server's own modules.
import type { Brief } from '../../src/brief/brief.js'
import type { Analysis } from '../../src/model/analysis.js'

export type { Brief, BriefStory, Citation } from '../../src/brief/brief.js'
export type { Analysis } from '../../src/model/analysis.js'
export type { StorySummary } from '../../src/server/story-cache.js'
export type { ClaimRow, EntityPage } from '../../src/store/queries-api.js'
import type { IngestJob } from '../../src/server/ingest-jobs.js'
import type { StorySummary } from '../../src/server/story-cache.js'
import type {
  ClaimRow,
  EntityPage,
  SearchResults as StoreSearch,
} from '../../src/store/queries-api.js'

/** GET /api/search: the store's results and the query they answer. */
export type SearchResults = StoreSearch & { readonly q: string }
/** POST /api/ingest (202, the job just queued) and GET /api/ingest/:id (its progress). */
export type { IngestJob }

export type DocumentView = Analysis & { readonly sources: readonly string[] }

export class ApiFailure extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(message)
    this.status = status
    this.code = code
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error
    throw new ApiFailure(
      response.status,
      error?.code ?? 'HTTP',
      error?.message ?? `${response.status} ${response.statusText}`,
    )
  }
  return body as T
}

const q = (params: Record<string, string | undefined>): string => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, value)
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}

export const api = {
  stories: () => request<{ stories: StorySummary[] }>('/api/stories'),
  story: (id: string) =>
    request<Brief & { readonly truncated?: Readonly<Record<string, number>> }>(
      `/api/stories/${encodeURIComponent(id)}`,
    ),
  claims: (filter: Record<string, string | undefined>) =>
    request<{ claims: ClaimRow[] }>(`/api/claims${q(filter)}`),
  entity: (key: string) => request<EntityPage>(`/api/entities/${encodeURIComponent(key)}`),
  document: (id: string) => request<DocumentView>(`/api/documents/${encodeURIComponent(id)}`),
  search: (text: string) => request<SearchResults>(`/api/search${q({ q: text })}`),
  /** Starts an ingest job; answers at once with the job (follow it with `ingestJob`). */
  ingest: (body: FormData | object, token: string) =>
    request<IngestJob>('/api/ingest', {
      method: 'POST',
      headers: {
        ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
        ...(token === '' ? {} : { Authorization: `Bearer ${token}` }),
      },
      body: body instanceof FormData ? body : JSON.stringify(body),
    }),
  ingestJob: (id: string) => request<IngestJob>(`/api/ingest/${encodeURIComponent(id)}`),
}
