/**
 * @module
 * `createApp()`: the Hono app behind `claimgraph serve` — the JSON API under /api, the OpenAPI
 * document at /openapi.json, and the built UI. Every route calls the same core functions as the
 * CLI (`ingest`, `buildBrief`, the store's queries); nothing is computed twice in two places.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { streamSSE } from 'hono/streaming'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError } from '../errors.js'
import {
  documentSources,
  entityPage,
  filterClaims,
  searchAll,
  type ClaimFilter,
  type Store,
} from '../store/index.js'
import { ApiError, toErrorBody } from './api-error.js'
import { guardWrites } from './guard-writes.js'
import type { UploadInput } from './ingest-inputs.js'
import { createIngestJobs } from './ingest-jobs.js'
import { OPENAPI_DOCUMENT } from './openapi.js'
import { securityHeaders } from './security-headers.js'
import { staticFiles } from './static-files.js'
import { createEntityIndex } from './entity-index.js'
import { createStoreWatch } from './store-watch.js'
import { createStoryCache, STORY_LIST_LIMIT_MAX, type BuiltStory } from './story-cache.js'

export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024
/** Server-sent progress events of one ingest job come at most this often. */
const PROGRESS_EVENT_MS = 100
/** URLs (or feeds) in one ingest request at most. */
const MAX_URLS = 1000

export interface AppOptions {
  readonly store: Store
  /** Bearer token required for writes; undefined: writes are open (loopback only). */
  readonly token?: string | undefined
  /** Directory of the built UI; undefined: API only. */
  readonly webRoot?: string | undefined
  /** Host names the server answers to (DNS-rebinding guard); undefined: any. */
  readonly allowedHosts?: readonly string[] | undefined
  /** Upload cap in bytes (default 25 MB). */
  readonly uploadLimit?: number
  /** Let ingested URLs resolve to private addresses (tests). */
  readonly allowPrivateUrls?: boolean
  /** Ingest jobs queued or running at most (default 4); more get 429. */
  readonly maxIngestJobs?: number
  /**
   * Build the briefs of stories that changed since they were last kept, in the background: when
   * the app is created and after each ingest (`claimgraph serve` does). Default: on first request.
   */
  readonly warmStories?: boolean
  /** Hears of each story brief built in the background. */
  readonly onStoryBuilt?: (built: BuiltStory) => void
}

/** The app, with what `claimgraph serve` needs to stop without cutting an ingest off. */
export type ClaimgraphApp = Hono & {
  /** Ingest jobs queued or running now. */
  readonly activeIngestJobs: () => number
  /** Resolves when no ingest job is queued or running. */
  readonly ingestIdle: () => Promise<void>
}

export function createApp(options: AppOptions): ClaimgraphApp {
  const { store, token, webRoot, allowedHosts, uploadLimit = UPLOAD_LIMIT_BYTES } = options
  const watch = createStoreWatch(store)
  const stories = createStoryCache(store, watch)
  const warm = (): void => {
    // A failure here (the store closed on shutdown) only means the next request builds instead.
    if (options.warmStories === true) void stories.warm(options.onStoryBuilt).catch(() => undefined)
  }
  warm()
  const entityIndex = createEntityIndex(store, watch)
  const app = new Hono()

  app.onError((error, c) => {
    const { status, body } = toErrorBody(error)
    if (status >= 500) process.stderr.write(`claimgraph serve: ${String(error)}\n`)
    return c.json(body, status as ContentfulStatusCode)
  })
  app.notFound((c) =>
    c.json(
      { error: { code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  )

  app.use('*', securityHeaders())
  if (allowedHosts !== undefined) {
    const hosts = new Set(allowedHosts.map((h) => h.toLowerCase()))
    app.use('*', async function hostGuard(c, next) {
      const host = new URL(c.req.url).hostname.toLowerCase()
      if (!hosts.has(host))
        throw new ApiError('MISDIRECTED', `this server does not answer to ${host}`)
      await next()
    })
  }
  app.use('/api/*', guardWrites({ token }))

  app.get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT))

  app.get('/api/stories', async (c) => c.json({ stories: await stories.summaries() }))

  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id')
    const limitText = c.req.query('limit')
    const limit = limitText === undefined ? undefined : Number(limitText)
    if (
      limit !== undefined &&
      (!Number.isInteger(limit) || limit < 1 || limit > STORY_LIST_LIMIT_MAX)
    )
      throw new ApiError(
        'BAD_REQUEST',
        `limit must be an integer from 1 to ${STORY_LIST_LIMIT_MAX}`,
      )
    const json = await stories.story(id, limit)
    if (json === null) throw new AppError('NOT_FOUND', `no story with id ${id}`)
    return c.body(json, 200, { 'Content-Type': 'application/json' })
  })

  app.get('/api/claims', async (c) => {
    const q = c.req.query()
    const filter: ClaimFilter = {
      ...pick(q, ['speaker', 'target', 'stance', 'document', 'section']),
      ...(q['hedged'] === undefined || q['hedged'] === ''
        ? {}
        : { hedged: parseBool(q['hedged']) }),
      ...(q['limit'] === undefined ? {} : { limit: Number(q['limit']) }),
    }
    return c.json({ claims: await filterClaims(store.db, filter) })
  })

  app.get('/api/entities/:key', async (c) => c.json(await entityPage(store.db, c.req.param('key'))))

  app.get('/api/documents', async (c) => c.json({ documents: await store.listDocuments() }))

  app.get('/api/documents/:id', async (c) => {
    const id = c.req.param('id')
    const analysis = await store.loadAnalysis(id)
    if (analysis === null) throw new AppError('NOT_FOUND', `no document with id ${id}`)
    return c.json({ ...analysis, sources: await documentSources(store.db, id) })
  })

  app.get('/api/search', async (c) => {
    const q = c.req.query('q') ?? ''
    const limitText = Number(c.req.query('limit') ?? 20)
    const limit = Number.isFinite(limitText)
      ? Math.max(1, Math.min(200, Math.trunc(limitText)))
      : 20
    const results = await searchAll(store.db, q, limit, { entities: false })
    return c.json({ q, ...results, entities: await entityIndex.search(q, limit) })
  })

  const ingestJobs = createIngestJobs({
    store,
    ...(options.allowPrivateUrls === true ? { allowPrivate: true } : {}),
    onFinished: () => {
      stories.invalidate()
      warm()
    },
    ...(options.maxIngestJobs === undefined ? {} : { maxActive: options.maxIngestJobs }),
  })

  app.post(
    '/api/ingest',
    bodyLimit({
      maxSize: uploadLimit,
      onError: () => {
        throw new ApiError(
          'PAYLOAD_TOO_LARGE',
          `the upload is larger than ${Math.round(uploadLimit / 1024 / 1024)} MB; send fewer or smaller files`,
        )
      },
    }),
    async (c) => {
      const waitText = c.req.query('wait')
      const wait = waitText !== undefined && waitText !== '' && parseBool(waitText, 'wait')
      const inputs = await readIngestBody(c.req.raw)
      const job = ingestJobs.submit(inputs)
      if (job === null) {
        const { body } = toErrorBody(
          new ApiError(
            'TOO_MANY_JOBS',
            'ingest jobs are already queued; wait for one to finish and send again',
          ),
        )
        return c.json(body, 429, { 'Retry-After': '5' })
      }
      if (wait) return c.json(await ingestJobs.finished(job.id), 200)
      return c.json(job, 202, { Location: `/api/ingest/${job.id}` })
    },
  )

  app.get('/api/ingest', (c) => c.json({ jobs: ingestJobs.list() }))

  app.get('/api/ingest/:id/events', (c) => {
    const id = c.req.param('id')
    if (ingestJobs.get(id) === null) throw new AppError('NOT_FOUND', `no ingest job with id ${id}`)
    return streamSSE(c, async (stream) => {
      // The job as it is now, then after changes (at most every PROGRESS_EVENT_MS), then `end`.
      let wake: () => void = () => undefined
      let changed = true
      const stop = ingestJobs.watch(id, () => {
        changed = true
        wake()
      })
      stream.onAbort(() => wake())
      try {
        for (;;) {
          const job = ingestJobs.get(id)
          if (job === null || stream.aborted) return
          const ended = job.state === 'done' || job.state === 'failed'
          if (changed || ended) {
            changed = false
            await stream.writeSSE({ event: ended ? 'end' : 'progress', data: JSON.stringify(job) })
          }
          if (ended) return
          // Wait for a change (unless one came while writing), and at least PROGRESS_EVENT_MS.
          const change = changed ? Promise.resolve() : new Promise<void>((r) => (wake = r))
          await Promise.all([change, stream.sleep(PROGRESS_EVENT_MS)])
        }
      } finally {
        stop?.()
      }
    })
  })

  app.get('/api/ingest/:id', (c) => {
    const id = c.req.param('id')
    const job = ingestJobs.get(id)
    if (job === null) throw new AppError('NOT_FOUND', `no ingest job with id ${id}`)
    return c.json(job)
  })

  if (webRoot !== undefined) app.use('*', staticFiles({ root: webRoot }))
  return Object.assign(app, {
    activeIngestJobs: () =>
      ingestJobs.list().filter((job) => job.state === 'queued' || job.state === 'running').length,
    ingestIdle: () => ingestJobs.idle(),
  })
}

/** Multipart (`files` fields), or JSON `{ text, title? }`, or JSON `{ urls: [] }`. */
async function readIngestBody(request: Request): Promise<UploadInput[]> {
  const type = (request.headers.get('Content-Type') ?? '').toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData().catch(() => {
      throw new ApiError('BAD_REQUEST', 'the multipart body could not be read')
    })
    const inputs: UploadInput[] = []
    for (const value of form.getAll('files')) {
      if (typeof value === 'string') continue
      inputs.push({
        kind: 'file',
        name: value.name,
        bytes: new Uint8Array(await value.arrayBuffer()),
      })
    }
    if (inputs.length === 0) throw new ApiError('BAD_REQUEST', 'no files in the `files` field')
    return inputs
  }
  if (type.startsWith('application/json')) {
    const body: unknown = await request.json().catch(() => {
      throw new ApiError('BAD_REQUEST', 'the body is not valid JSON')
    })
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>
      if (typeof record['text'] === 'string') {
        const title = typeof record['title'] === 'string' ? record['title'] : undefined
        return [{ kind: 'text', text: record['text'], title }]
      }
      if (Array.isArray(record['urls'])) {
        const urls = record['urls'].filter(
          (u): u is string => typeof u === 'string' && u.trim() !== '',
        )
        if (urls.length === 0) throw new ApiError('BAD_REQUEST', '`urls` is empty')
        if (urls.length > MAX_URLS)
          throw new ApiError('BAD_REQUEST', `at most ${MAX_URLS} URLs in one request`)
        for (const url of urls)
          if (!/^https?:\/\//i.test(url.trim()))
            throw new AppError('URL_INVALID', `not an http(s) URL: ${url}`, { subject: url })
        // The same URL twice is one input.
        return [...new Set(urls.map((url) => url.trim()))].map((url) => ({ kind: 'url', url }))
      }
    }
    throw new ApiError('BAD_REQUEST', 'send { "text": "…" } or { "urls": ["https://…"] }')
  }
  throw new ApiError('BAD_REQUEST', 'send multipart/form-data files or a JSON body')
}

function pick(
  query: Record<string, string>,
  keys: readonly (keyof ClaimFilter & string)[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of keys) {
    const value = query[key]
    if (value !== undefined && value !== '') out[key] = value
  }
  return out
}

function parseBool(value: string, name = 'hedged'): boolean {
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0') return false
  throw new ApiError('BAD_REQUEST', `${name} must be true or false, not ${value}`)
}
