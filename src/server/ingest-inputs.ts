/**
 * @module
 * `ingestUploads`: what the UI sends (uploaded files, pasted text, URLs) → the shared ingest job.
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

/** The outcome of one input: the documents it gave, and its errors (one line each). */
export interface InputResult {
  readonly input: string
  readonly ok: boolean
  readonly documents: readonly {
    readonly id: string
    readonly status: 'added' | 'updated' | 'unchanged'
    readonly title: string | null
  }[]
  readonly errors: readonly { readonly code: string; readonly message: string }[]
}

export interface IngestResponse {
  readonly added: number
  readonly updated: number
  readonly unchanged: number
  readonly failed: number
  readonly results: readonly InputResult[]
}

export interface IngestUploadsOptions {
  /** Let URLs resolve to private addresses (tests with a local server). */
  readonly allowPrivate?: boolean
  readonly maxBytes?: number
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

export async function ingestUploads(
  store: Store,
  inputs: readonly UploadInput[],
  options: IngestUploadsOptions = {},
): Promise<IngestResponse> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const names = inputs.map((input, i) =>
    input.kind === 'url'
      ? input.url
      : input.kind === 'file'
        ? safeName(input.name)
        : pastedName(input, i),
  )
  const results = names.map((name) => ({
    input: name,
    documents: [] as InputResult['documents'][number][],
    errors: [] as InputResult['errors'][number][],
  }))
  // Which input each document source or failure subject came from, recorded as outcomes pass by.
  const owners = new Map<string, number>()

  async function* outcomes(): AsyncGenerator<LoadOutcome> {
    for (const [i, input] of inputs.entries()) {
      const name = names[i] ?? ''
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
          {
            subject: name,
          },
        )
        produced = [{ ok: false, subject: name, error }]
      } else {
        const bytes = input.kind === 'file' ? input.bytes : pastedBytes(input)
        produced = normalizeRaw({ bytes, mediaType: null, source: name })
      }
      for await (const outcome of produced) {
        owners.set(outcome.ok ? outcome.doc.metadata.source : outcome.subject, i)
        yield outcome
      }
    }
  }

  const onEvent = (event: IngestEvent): void => {
    const subject = event.kind === 'document' ? event.source : event.subject
    const result = results[owners.get(subject) ?? -1]
    if (result === undefined) return
    if (event.kind === 'document')
      result.documents.push({ id: event.id, status: event.status, title: event.title })
    else result.errors.push({ code: event.code, message: event.line })
  }
  const summary = await ingestDocuments(store, outcomes(), { onEvent })
  return {
    added: summary.added,
    updated: summary.updated,
    unchanged: summary.unchanged,
    failed: summary.failed.length,
    results: results.map((r) => ({ ...r, ok: r.errors.length === 0 })),
  }
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
