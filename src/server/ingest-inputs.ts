/**
 * @module
 * `ingestUploads`: what the UI sends (uploaded files, pasted text, URLs) → the shared `ingest()`
 * job. Files and pasted text are written to a private temporary directory and ingested from there,
 * so read → normalize → analyze → store runs exactly as for the CLI; the temporary paths are
 * replaced by the names the user gave in every result line.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingest, type IngestEvent } from '../ingest/ingest.js'
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

export async function ingestUploads(
  store: Store,
  inputs: readonly UploadInput[],
  options: IngestUploadsOptions = {},
): Promise<IngestResponse> {
  const dir = await mkdtemp(join(tmpdir(), 'claimgraph-upload-'))
  try {
    const specs: { spec: string; name: string }[] = []
    for (const [i, input] of inputs.entries()) {
      if (input.kind === 'url') {
        specs.push({ spec: input.url, name: input.url })
        continue
      }
      // One subdirectory per input keeps names unique and paths free of user-chosen separators.
      const sub = join(dir, String(i))
      const name = input.kind === 'file' ? safeName(input.name) : pastedName(input, i)
      const path = join(sub, name)
      await mkdir(sub, { recursive: true })
      await writeFile(path, input.kind === 'file' ? input.bytes : pastedBytes(input))
      specs.push({ spec: path, name })
    }
    const results = specs.map(({ name }) => ({
      input: name,
      documents: [] as InputResult['documents'][number][],
      errors: [] as InputResult['errors'][number][],
    }))
    const owner = (subject: string): number => {
      // Longest spec first: `/tmp/x/1` must not claim `/tmp/x/10/…`.
      let best = -1
      for (const [i, { spec }] of specs.entries())
        if (
          (subject === spec || subject.startsWith(`${spec}#`) || subject.startsWith(`${spec}/`)) &&
          (best < 0 || spec.length > (specs[best]?.spec.length ?? 0))
        )
          best = i
      return best
    }
    const clean = (line: string): string => {
      let out = line
      for (const { spec, name } of specs) out = out.split(spec).join(name)
      return out.split(`${dir}/`).join('')
    }
    const onEvent = (event: IngestEvent): void => {
      const subject = event.kind === 'document' ? event.source : event.subject
      const result = results[owner(subject)]
      if (result === undefined) return
      if (event.kind === 'document')
        result.documents.push({ id: event.id, status: event.status, title: event.title })
      else result.errors.push({ code: event.code, message: clean(event.line) })
    }
    const summary = await ingest(
      store,
      specs.map((s) => s.spec),
      {
        onEvent,
        ...(options.allowPrivate === undefined ? {} : { allowPrivate: options.allowPrivate }),
        ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      },
    )
    return {
      added: summary.added,
      updated: summary.updated,
      unchanged: summary.unchanged,
      failed: summary.failed.length,
      results: results.map((r) => ({ ...r, ok: r.errors.length === 0 })),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
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
