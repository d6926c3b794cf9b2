// Typed fetch helpers for the claimgraph API. Types come from the server's own modules.
import type { Brief } from '../../src/brief/brief.js'
import type { Analysis } from '../../src/model/analysis.js'

export type { Brief, BriefStory, Citation } from '../../src/brief/brief.js'
export type { Analysis } from '../../src/model/analysis.js'

export interface StorySummary {
  readonly id: string
  readonly title: string
  readonly documents: number
  readonly sources: number
  readonly firstPublishedAt: string | null
  readonly lastPublishedAt: string | null
  readonly contested: {
    readonly conflictingFigures: number
    readonly accusedActors: number
    readonly score: number
  }
}

export interface ClaimRow {
  readonly documentId: string
  readonly documentTitle: string | null
  readonly id: string
  readonly speakerText: string | null
  readonly speakerKey: string | null
  readonly speakerName: string | null
  readonly cue: string | null
  readonly content: string
  readonly kind: string
  readonly stance: string
  readonly hedged: boolean
  readonly sentence: number
  readonly section: string
  readonly targets: readonly { readonly key: string; readonly name: string }[]
}

export interface EntityPage {
  readonly key: string
  readonly name: string
  readonly type: string
  readonly names: readonly { readonly name: string; readonly documents: number }[]
  readonly mentions: number
  readonly documents: readonly {
    readonly id: string
    readonly title: string | null
    readonly publishedAt: string | null
    readonly mentions: number
    readonly firstSentence: number | null
  }[]
  readonly claimsBy: readonly ClaimRow[]
  readonly claimsAbout: readonly ClaimRow[]
  readonly cooccurring: readonly {
    readonly key: string
    readonly name: string
    readonly type: string
    readonly documents: number
  }[]
}

export interface SearchResults {
  readonly q: string
  readonly documents: readonly {
    readonly id: string
    readonly title: string | null
    readonly source: string
    readonly snippet: string
  }[]
  readonly claims: readonly ClaimRow[]
  readonly entities: readonly {
    readonly key: string
    readonly name: string
    readonly type: string
    readonly documents: number
  }[]
}

export interface IngestResult {
  readonly added: number
  readonly updated: number
  readonly unchanged: number
  readonly failed: number
  readonly results: readonly {
    readonly input: string
    readonly ok: boolean
    readonly documents: readonly {
      readonly id: string
      readonly status: string
      readonly title: string | null
    }[]
    readonly errors: readonly { readonly code: string; readonly message: string }[]
  }[]
}

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
  ingest: (body: FormData | object, token: string) =>
    request<IngestResult>('/api/ingest', {
      method: 'POST',
      headers: {
        ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
        ...(token === '' ? {} : { Authorization: `Bearer ${token}` }),
      },
      body: body instanceof FormData ? body : JSON.stringify(body),
    }),
}
