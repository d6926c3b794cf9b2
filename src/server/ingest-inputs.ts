/**
 * @module
 * `createUploadIngest`: what the UI sends (uploaded files, pasted text, URLs) → the shared ingest
 * job, watched as it goes (ingest-jobs.ts runs it for `POST /api/ingest`).
 * Uploaded bytes and pasted text are normalized in memory (`normalizeRaw`) under the names the user
 * gave, and URLs are read like the CLI reads them; from there on it is `ingestDocuments`, exactly
 * as for `claimgraph ingest`.
 */
import { AppError } from '../errors.js'
import { ingestDocuments, type IngestEvent } from '../ingest/ingest.js'
import { loadDocuments, normalizeRaw, type LoadOutcome } from '../load/index.js'
import type { Store } from '../store/index.js'

export type UploadInput =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'text'; readonly text: string; readonly title?: string | undefined }
  | { readonly kind: 'url'; readonly url: string }

/** The outcome of one input so far: the documents it gave, and its errors (one line each). */
export interface InputResult {
  readonly input: string
  /** `pending`: not read yet; `running`: read, documents in analysis or storage; `done`. */
  readonly state: 'pending' | 'running' | 'done'
  /** No error so far (final once `state` is `done`). */
  readonly ok: boolean
  readonly documents: readonly {
    readonly id: string
    readonly status: 'added' | 'updated' | 'unchanged'
    readonly title: string | null
  }[]
  readonly errors: readonly { readonly code: string; readonly message: string }[]
}

/** Where an upload ingest stands: counts so far and every input's result so far. */
export interface IngestProgress {
  readonly inputs: { readonly total: number; readonly done: number }
  /** Documents (and failed inputs, feed items, JSONL lines) read so far, and those finished. */
  readonly documents: { readonly read: number; readonly processed: number }
  readonly added: number
  readonly updated: number
  readonly unchanged: number
  readonly failed: number
  readonly results: readonly InputResult[]
}

/** The end state of an upload ingest (the same shape as its progress, every input done). */
export type IngestResponse = IngestProgress

export interface IngestUploadsOptions {
  /** Let URLs resolve to private addresses (tests with a local server). */
  readonly allowPrivate?: boolean
  readonly maxBytes?: number
  /** Called after every change of the progress (a document stored, an error, an input read). */
  readonly onProgress?: () => void
}

/** An upload ingest that can be watched while it runs. */
export interface UploadIngest {
  /** The progress now: a copy, safe to serialize while the ingest goes on. */
  snapshot(): IngestProgress
  /** Runs the shared ingest job (`ingestDocuments`) over the inputs; resolves with the end state. */
  run(): Promise<IngestResponse>
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

/**
 * Uploads, pasted text and URLs → `ingestDocuments`, the job the CLI runs, with the per-input
 * bookkeeping the UI shows: which input each document or failure came from (recorded as the
 * outcomes pass by) and when each input is done (read to its end, and every outcome it gave
 * reported by `onEvent`: `ingestDocuments` reports exactly one event per outcome).
 */
export function createUploadIngest(
  store: Store,
  inputs: readonly UploadInput[],
  options: IngestUploadsOptions = {},
): UploadIngest {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const names = uniqueNames(
    inputs.map((input, i) =>
      input.kind === 'url'
        ? input.url
        : input.kind === 'file'
          ? safeName(input.name)
          : pastedName(input, i),
    ),
  )
  const results = names.map((name) => ({
    input: name,
    state: 'pending' as InputResult['state'],
    documents: [] as InputResult['documents'][number][],
    errors: [] as InputResult['errors'][number][],
    /** Outcomes this input gave, and events reported for them. */
    read: 0,
    processed: 0,
  }))
  const counts = { added: 0, updated: 0, unchanged: 0, failed: 0, read: 0, processed: 0 }
  // Which input each document source or failure subject came from, recorded as outcomes pass by:
  // per source, the inputs of outcomes read and not yet reported, in read order, so two inputs
  // that yield one source (a redirect, one item in two feeds) are each credited once.
  const owners = new Map<string, number[]>()
  const changed = (): void => options.onProgress?.()
  const settle = (result: (typeof results)[number] | undefined): void => {
    if (result !== undefined && result.state === 'running' && result.processed >= result.read)
      result.state = 'done'
  }
  // The inputs, released once read so that a finished job holds no uploaded bytes.
  let pending: (UploadInput | undefined)[] = [...inputs]

  async function* outcomes(): AsyncGenerator<LoadOutcome> {
    for (const [i, name] of names.entries()) {
      const input = pending[i]
      const result = results[i]
      if (input === undefined || result === undefined) continue
      pending[i] = undefined
      let produced: Iterable<LoadOutcome> | AsyncIterable<LoadOutcome>
      if (input.kind === 'url') {
        produced = loadDocuments([input.url], {
          maxBytes,
          ...(options.allowPrivate === undefined ? {} : { allowPrivate: options.allowPrivate }),
        })
      } else if (input.kind === 'file' && input.bytes.length > maxBytes) {
        const error = new AppError(
          'INPUT_TOO_LARGE',
          `${input.bytes.length} bytes, over the cap of ${maxBytes}`,
          { subject: name },
        )
        produced = [{ ok: false, subject: name, error }]
      } else {
        const bytes = input.kind === 'file' ? input.bytes : pastedBytes(input)
        produced = normalizeRaw({ bytes, mediaType: null, source: name })
      }
      // Reading from here on (a URL may take its time).
      result.state = 'running'
      result.read = 1 // held open until the input is read to its end
      changed()
      for await (const outcome of produced) {
        const source = outcome.ok ? outcome.doc.metadata.source : outcome.subject
        const waiting = owners.get(source)
        if (waiting === undefined) owners.set(source, [i])
        else waiting.push(i)
        result.read++
        counts.read++
        changed()
        // One turn of the event loop per document: analysis on the main thread and PGlite's
        // queries resolve as microtasks, which would otherwise hold off every other request
        // (progress events, polls, reads) until the whole job has ended.
        await new Promise<void>((resolve) => setImmediate(resolve))
        yield outcome
      }
      result.read--
      settle(result)
      changed()
    }
  }

  const onEvent = (event: IngestEvent): void => {
    counts.processed++
    if (event.kind === 'document') counts[event.status]++
    else counts.failed++
    const subject = event.kind === 'document' ? event.source : event.subject
    const waiting = owners.get(subject)
    const owner = waiting?.shift()
    if (waiting !== undefined && waiting.length === 0) owners.delete(subject)
    const result = results[owner ?? -1]
    if (result !== undefined) {
      if (event.kind === 'document')
        result.documents.push({ id: event.id, status: event.status, title: event.title })
      else result.errors.push({ code: event.code, message: event.line })
      result.processed++
      settle(result)
    }
    changed()
  }

  const snapshot = (): IngestProgress => ({
    inputs: { total: results.length, done: results.filter((r) => r.state === 'done').length },
    documents: { read: counts.read, processed: counts.processed },
    added: counts.added,
    updated: counts.updated,
    unchanged: counts.unchanged,
    failed: counts.failed,
    results: results.map((r) => ({
      input: r.input,
      state: r.state,
      ok: r.errors.length === 0,
      documents: [...r.documents],
      errors: [...r.errors],
    })),
  })

  return {
    snapshot,
    async run() {
      try {
        const summary = await ingestDocuments(store, outcomes(), { onEvent })
        // The summary is the job's own count; the events above gave the same numbers as they came.
        counts.added = summary.added
        counts.updated = summary.updated
        counts.unchanged = summary.unchanged
        counts.failed = summary.failed.length
      } finally {
        pending = []
        for (const result of results) result.state = 'done'
        changed()
      }
      return snapshot()
    },
  }
}

/** The same name twice gets `-2`, `-3` … before its extension, so every input is told apart. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  return names.map((name) => {
    let unique = name
    for (let n = 2; seen.has(unique); n++) {
      const dot = name.lastIndexOf('.')
      unique = dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`
    }
    seen.add(unique)
    return unique
  })
}

/** A file name without directories or control characters; never empty or hidden. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) > 31 && ch.charCodeAt(0) !== 127)
    .join('')
    .replace(/^\.+/, '')
    .slice(0, 200)
  return cleaned === '' ? 'upload' : cleaned
}

function pastedName(input: { text: string; title?: string | undefined }, i: number): string {
  if (/^\s*</.test(input.text)) return `pasted-${i + 1}.html`
  return input.title === undefined || input.title.trim() === ''
    ? `pasted-${i + 1}.txt`
    : `pasted-${i + 1}.md`
}

function pastedBytes(input: { text: string; title?: string | undefined }): Uint8Array {
  if (/^\s*</.test(input.text) || input.title === undefined || input.title.trim() === '')
    return Buffer.from(input.text, 'utf8')
  // Markdown front matter carries the title the user typed.
  const title = input.title.replace(/[\r\n]+/g, ' ').trim()
  return Buffer.from(`---\ntitle: ${JSON.stringify(title)}\n---\n\n${input.text}`, 'utf8')
}
