/**
 * The HTTP API on a real PGlite store with the sample corpus ingested, through app.request().
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Brief } from '../../src/brief/index.js'
import { ingest } from '../../src/ingest/ingest.js'
import { createApp } from '../../src/server/index.js'
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.js'
import { openStore, type ClaimRow, type Store } from '../../src/store/index.js'
import { REPO_ROOT } from '../support/run-cli.js'

let store: Store
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  store = await openStore('memory://')
  const summary = await ingest(store, [join(REPO_ROOT, 'sample')])
  expect(summary.failed).toEqual([])
  app = createApp({ store })
})
afterAll(async () => store.close())

async function getJson<T>(path: string, status = 200): Promise<T> {
  const response = await app.request(`http://localhost${path}`)
  expect(response.status, path).toBe(status)
  return (await response.json()) as T
}

describe('reads', () => {
  it('lists stories with counts and how contested they are', async () => {
    const { stories } = await getJson<{
      stories: {
        id: string
        documents: number
        contested: { conflictingFigures: number; accusedActors: number }
      }[]
    }>('/api/stories')
    expect(stories.length).toBeGreaterThanOrEqual(1)
    expect(stories[0]?.documents).toBeGreaterThanOrEqual(9)
    expect(stories[0]?.contested.conflictingFigures).toBeGreaterThan(0)
    expect(stories[0]?.contested.accusedActors).toBeGreaterThan(0)
  })

  it('serves the same brief as buildBrief for a story, 404 for an unknown one', async () => {
    const { stories } = await getJson<{ stories: { id: string }[] }>('/api/stories')
    const id = stories[0]?.id ?? ''
    const brief = await getJson<Brief>(`/api/stories/${id}`)
    const { buildBrief } = await import('../../src/brief/index.js')
    expect(brief).toEqual(buildBrief(await store.loadAllAnalyses(), { storyId: id }))
    const cut = await getJson<Brief & { truncated: Record<string, number> }>(
      `/api/stories/${id}?limit=2`,
    )
    expect(cut.stories[0]?.documents).toHaveLength(2)
    expect(cut.truncated['stories[0].documents']).toBe(brief.stories[0]?.documents.length)
    await getJson(`/api/stories/${id}?limit=0`, 400)
    const error = await getJson<{ error: { code: string } }>('/api/stories/s-nope', 404)
    expect(error.error.code).toBe('NOT_FOUND')
  })

  it('filters claims by speaker, stance, section and hedged', async () => {
    const bySpeaker = await getJson<{ claims: ClaimRow[] }>('/api/claims?speaker=Voskel')
    expect(bySpeaker.claims.length).toBeGreaterThan(0)
    for (const claim of bySpeaker.claims)
      expect(`${claim.speakerText} ${claim.speakerName}`).toMatch(/Voskel/)
    // From the start of a word, in any case, words in order; the entity key; not mid-word.
    const key = bySpeaker.claims.find((c) => c.speakerKey !== null)?.speakerKey ?? ''
    const byKey = await getJson<{ claims: ClaimRow[] }>(
      `/api/claims?speaker=${encodeURIComponent(key)}`,
    )
    expect(byKey.claims.length).toBeGreaterThan(0)
    for (const claim of byKey.claims) expect(claim.speakerKey).toBe(key)
    const words = await getJson<{ claims: ClaimRow[] }>('/api/claims?speaker=adrian%20vos')
    expect(words.claims.map((c) => c.id).sort()).toEqual(
      bySpeaker.claims
        .filter((c) => /adrian vos/i.test(`${c.speakerText} ${c.speakerName}`))
        .map((c) => c.id)
        .sort(),
    )
    expect((await getJson<{ claims: ClaimRow[] }>('/api/claims?speaker=oskel')).claims).toEqual([])
    // A small limit (documents walked in order) gives the first claims of the full answer.
    for (const limit of [1, 2, 3]) {
      const first = await getJson<{ claims: ClaimRow[] }>(
        `/api/claims?speaker=Voskel&limit=${limit}`,
      )
      expect(first.claims).toEqual(bySpeaker.claims.slice(0, limit))
    }
    const accuse = await getJson<{ claims: ClaimRow[] }>('/api/claims?stance=accuse&section=body')
    expect(accuse.claims.length).toBeGreaterThan(0)
    for (const claim of accuse.claims) {
      expect(claim.stance).toBe('accuse')
      expect(claim.section).toBe('body')
    }
    const hedged = await getJson<{ claims: ClaimRow[] }>('/api/claims?hedged=true')
    for (const claim of hedged.claims) expect(claim.hedged).toBe(true)
    const target = await getJson<{ claims: ClaimRow[] }>('/api/claims?target=Kaldria')
    expect(target.claims.length).toBeGreaterThan(0)
    const bad = await getJson<{ error: { code: string } }>('/api/claims?hedged=maybe', 400)
    expect(bad.error.code).toBe('BAD_REQUEST')
  })

  it('gives an entity page with claims by and about it and co-occurring entities', async () => {
    const { claims } = await getJson<{ claims: ClaimRow[] }>('/api/claims?target=Kaldria')
    const key = claims[0]?.targets.find((t) => t.name === 'Kaldria')?.key ?? ''
    const page = await getJson<{
      name: string
      documents: unknown[]
      claimsAbout: unknown[]
      cooccurring: unknown[]
      mentions: number
    }>(`/api/entities/${encodeURIComponent(key)}`)
    expect(page.name).toBe('Kaldria')
    expect(page.documents.length).toBeGreaterThan(1)
    expect(page.mentions).toBeGreaterThan(1)
    expect(page.claimsAbout.length).toBeGreaterThan(0)
    expect(page.cooccurring.length).toBeGreaterThan(0)
    await getJson('/api/entities/person%3Anobody', 404)
  })

  it('serves a document for the reader', async () => {
    const { documents } = await getJson<{ documents: { id: string }[] }>('/api/documents')
    expect(documents.length).toBeGreaterThanOrEqual(9)
    const doc = await getJson<{ text: string; sentences: unknown[]; sources: string[] }>(
      `/api/documents/${documents[0]?.id}`,
    )
    expect(doc.text.length).toBeGreaterThan(0)
    expect(doc.sentences.length).toBeGreaterThan(0)
    expect(doc.sources.length).toBeGreaterThan(0)
    await getJson('/api/documents/ffff', 404)
  })

  it('searches documents, claims and entities', async () => {
    const results = await getJson<{
      documents: unknown[]
      claims: unknown[]
      entities: { name: string }[]
    }>('/api/search?q=Kaldria')
    expect(results.documents.length).toBeGreaterThan(0)
    expect(results.claims.length).toBeGreaterThan(0)
    expect(results.entities.map((e) => e.name)).toContain('Kaldria')
    const empty = await getJson<{ documents: unknown[] }>('/api/search?q=')
    expect(empty.documents).toEqual([])
  })

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json')
    expect(doc.openapi).toBe('3.1.0')
    for (const path of [
      '/api/stories',
      '/api/stories/{id}',
      '/api/claims',
      '/api/entities/{key}',
      '/api/documents/{id}',
      '/api/search',
      '/api/ingest',
      '/api/ingest/{id}',
      '/api/ingest/{id}/events',
    ])
      expect(doc.paths).toHaveProperty([path])
  })

  it('sets security headers on every response, errors included', async () => {
    for (const path of ['/api/stories', '/api/nope', '/openapi.json']) {
      const response = await app.request(`http://localhost${path}`)
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
    }
  })
})

interface Job {
  id: string
  state: 'queued' | 'running' | 'done' | 'failed'
  inputs: { total: number; done: number }
  documents: { read: number; processed: number }
  added: number
  updated: number
  unchanged: number
  failed: number
  results: {
    input: string
    state: 'pending' | 'running' | 'done'
    ok: boolean
    documents: { id: string; title: string | null; status: string }[]
    errors: { code: string; message: string }[]
  }[]
}

/** GET the job until `until` holds (default: it has ended), at most 60 s. */
async function pollJob(
  id: string,
  until: (job: Job) => boolean = (job) => job.state === 'done' || job.state === 'failed',
  on: ReturnType<typeof createApp> = app,
): Promise<Job> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const response = await on.request(`http://localhost/api/ingest/${id}`)
    expect(response.status).toBe(200)
    const job = (await response.json()) as Job
    if (until(job)) return job
    if (Date.now() > deadline) throw new Error(`job ${id} stuck: ${JSON.stringify(job)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** POST an ingest: 202 with the job at once, then its end state. */
async function ingestJob(init: RequestInit, on: ReturnType<typeof createApp> = app): Promise<Job> {
  const response = await on.request('http://localhost/api/ingest', { method: 'POST', ...init })
  expect(response.status).toBe(202)
  const job = (await response.json()) as Job
  expect(response.headers.get('Location')).toBe(`/api/ingest/${job.id}`)
  expect(['queued', 'running']).toContain(job.state)
  return pollJob(job.id, undefined, on)
}

/** The events of a text/event-stream response, parsed. */
async function* readEvents(
  response: Response,
): AsyncGenerator<{ event: string; job: unknown }, void, undefined> {
  const reader = response.body?.getReader()
  if (reader === undefined) return
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    let cut = buffer.indexOf('\n\n')
    while (cut >= 0) {
      const block = buffer.slice(0, cut)
      buffer = buffer.slice(cut + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
      const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n')
      yield { event, job: JSON.parse(data) as unknown }
      cut = buffer.indexOf('\n\n')
    }
  }
}

describe('ingest', () => {
  it('ingests pasted text and reports per-input results for uploads, bad files included', async () => {
    const pastedBody = await ingestJob({
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        text: 'The harbour master said the pier would reopen on Monday.',
        title: 'Pier note',
      }),
    })
    expect(pastedBody.state).toBe('done')
    expect(pastedBody.added).toBe(1)
    expect(pastedBody.inputs).toEqual({ total: 1, done: 1 })
    expect(pastedBody.results[0]?.documents[0]?.title).toBe('Pier note')

    const form = new FormData()
    form.append('files', new Blob([new Uint8Array([0, 159, 146, 150, 0, 0, 1, 2])]), 'scan.bin')
    form.append('files', new Blob(['A ferry captain said the crossing was calm.']), 'ferry.txt')
    const body = await ingestJob({ body: form })
    expect(body.failed).toBe(1)
    expect(body.inputs).toEqual({ total: 2, done: 2 })
    expect(body.documents).toEqual({ read: 2, processed: 2 })
    expect(body.results.map((r) => [r.input, r.ok, r.state])).toEqual([
      ['scan.bin', false, 'done'],
      ['ferry.txt', true, 'done'],
    ])
    expect(body.results[0]?.errors[0]?.code).toBe('INPUT_BINARY')
    expect(body.results[0]?.errors[0]?.message).toMatch(/^scan\.bin: /)
    expect(body.results[0]?.errors[0]?.message).not.toMatch(/claimgraph-upload/)
    // Uploads are stored under the name the user gave, not a temporary path.
    const sources = (await store.listDocuments()).map((d) => d.source)
    expect(sources).toContain('ferry.txt')
    // The finished job stays readable, and is listed.
    const { jobs } = await getJson<{ jobs: { id: string }[] }>('/api/ingest')
    expect(jobs.map((j) => j.id)).toContain(body.id)
    const error = await getJson<{ error: { code: string } }>('/api/ingest/nope', 404)
    expect(error.error.code).toBe('NOT_FOUND')
  })

  it('shows progress while a job runs: an input done, the next still being read', async () => {
    // A local server that holds the second URL until the test lets it go.
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const server = createServer((request, response) => {
      const send = () => {
        response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        response.end(
          request.url === '/slow.txt'
            ? 'Slow news\n\nThe harbour pilot said the fog had lifted by noon.\n'
            : 'Fast news\n\nThe station chief said the trains ran on time.\n',
        )
      }
      if (request.url === '/slow.txt') void held.then(send)
      else send()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const local = createApp({ store, allowPrivateUrls: true })
    try {
      const response = await local.request('http://localhost/api/ingest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          urls: [`${base}/fast.txt`, `${base}/slow.txt`, `${base}/fast.txt`],
        }),
      })
      expect(response.status).toBe(202)
      const started = (await response.json()) as Job
      expect(started.inputs).toEqual({ total: 2, done: 0 })
      expect(started.results.map((r) => r.state)).toEqual(['pending', 'pending'])
      const midway = await pollJob(started.id, (job) => job.inputs.done === 1, local)
      expect(midway.state).toBe('running')
      expect(midway.results.map((r) => r.state)).toEqual(['done', 'running'])
      expect(midway.results[0]?.documents).toHaveLength(1)
      expect(midway.added + midway.unchanged).toBe(1)
      // The same progress as server-sent events: the job now, then after changes, then `end`.
      const stream = await local.request(`http://localhost/api/ingest/${started.id}/events`)
      expect(stream.status).toBe(200)
      expect(stream.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
      const events = readEvents(stream)
      const now = await events.next()
      expect(now.value?.event).toBe('progress')
      expect((now.value?.job as Job).inputs).toEqual({ total: 2, done: 1 })
      release()
      let last = now.value
      for await (const event of { [Symbol.asyncIterator]: () => events }) last = event
      expect(last?.event).toBe('end')
      expect((last?.job as Job).state).toBe('done')
      const end = await pollJob(started.id, undefined, local)
      expect(end).toEqual(last?.job)
      expect(end.inputs).toEqual({ total: 2, done: 2 })
      expect(end.results.every((r) => r.ok)).toBe(true)
      expect((await local.request('http://localhost/api/ingest/nope/events')).status).toBe(404)
    } finally {
      release()
      server.close()
    }
  })

  it('waits for the end with ?wait=true, and caps the jobs in line with 429', async () => {
    const response = await app.request('http://localhost/api/ingest?wait=true', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'A tram driver said the line was clear.' }),
    })
    expect(response.status).toBe(200)
    const job = (await response.json()) as Job
    expect(job.state).toBe('done')
    expect(job.added + job.unchanged).toBe(1)
    expect(
      (
        await app.request('http://localhost/api/ingest?wait=maybe', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: 'x' }),
        })
      ).status,
    ).toBe(400)

    const one = createApp({ store, maxIngestJobs: 1 })
    const send = (text: string) =>
      one.request('http://localhost/api/ingest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
      })
    const first = await send('A ferry pilot said the harbour was calm at dawn.')
    expect(first.status).toBe(202)
    const second = await send('A bus driver said the bridge was open again.')
    expect(second.status).toBe(429)
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_JOBS')
    await pollJob(((await first.json()) as Job).id, undefined, one)
    expect((await send('A bus driver said the bridge was open again.')).status).toBe(202)
    await pollJob(
      ((await (await one.request('http://localhost/api/ingest')).json()) as { jobs: Job[] }).jobs[0]
        ?.id ?? '',
      undefined,
      one,
    )
  })

  it('refuses URLs that are not http(s), and bodies over the limit with 413', async () => {
    const local = await app.request('http://localhost/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ urls: ['/etc/passwd'] }),
    })
    expect(local.status).toBe(400)
    expect(((await local.json()) as { error: { code: string } }).error.code).toBe('URL_INVALID')

    const small = createApp({ store, uploadLimit: 1024 })
    const form = new FormData()
    form.append('files', new Blob(['x'.repeat(4096)]), 'big.txt')
    const big = await small.request('http://localhost/api/ingest', { method: 'POST', body: form })
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('requires the token for writes when one is set, and refuses cross-origin writes', async () => {
    const guarded = createApp({ store, token: 's3cret' })
    const send = (headers: Record<string, string>) =>
      guarded.request('http://localhost/api/ingest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ text: 'A lighthouse keeper said the lamp was fixed.' }),
      })
    expect((await send({})).status).toBe(401)
    expect((await send({ Authorization: 'Bearer wrong' })).status).toBe(401)
    const allowed = await send({ Authorization: 'Bearer s3cret' })
    expect(allowed.status).toBe(202)
    // Reading the job needs no token.
    const { id } = (await allowed.json()) as Job
    await pollJob(id, undefined, guarded)
    // Reads stay open.
    expect((await guarded.request('http://localhost/api/stories')).status).toBe(200)
    const cross = await app.request('http://localhost/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ text: 'Someone said something.' }),
    })
    expect(cross.status).toBe(403)
  })

  it('answers only to loopback host names when bound to loopback', async () => {
    const local = createApp({ store, allowedHosts: ['127.0.0.1', 'localhost'] })
    expect((await local.request('http://localhost/api/stories')).status).toBe(200)
    expect((await local.request('http://rebound.example/api/stories')).status).toBe(421)
  })
})

describe('startServer', () => {
  it('refuses a non-loopback host without a token', async () => {
    const { startServer } = await import('../../src/server/index.js')
    await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/token/)
  })
})
