/**
 * @module
 * The ingest job: read → normalize → analyze → store, one document at a time, one transaction per
 * document. Shared by the CLI and the HTTP API so nothing is computed twice in two places.
 */
import { analyze } from '../analyze/index.js'
import { PIPELINE_VERSION } from '../analyze/version.js'
import { AppError, errorLine } from '../errors.js'
import { loadDocuments, type LoadOptions } from '../load/index.js'
import { documentId } from '../model/document-id.js'
import type { Store } from '../store/index.js'

/** What happened to one input or document. */
export type IngestEvent =
  | {
      readonly kind: 'document'
      readonly status: 'added' | 'updated' | 'unchanged'
      readonly id: string
      readonly source: string
      readonly title: string | null
    }
  | {
      readonly kind: 'failed'
      readonly subject: string
      readonly line: string
      readonly code: string
    }

export interface IngestSummary {
  readonly added: number
  readonly updated: number
  readonly unchanged: number
  readonly failed: readonly {
    readonly subject: string
    readonly line: string
    readonly code: string
  }[]
  readonly words: number
  readonly seconds: number
}

export interface IngestOptions extends Partial<LoadOptions> {
  /** Called once per document or failure, in order: drives progress bars and logs. */
  readonly onEvent?: (event: IngestEvent) => void
}

/**
 * Ingest every input into the store. Never throws for a bad input: failures are collected in the
 * summary (and reported through `onEvent`) while every other input still goes through.
 * @example
 * const summary = await ingest(store, ['sample/'])
 */
export async function ingest(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const { onEvent, ...loadOptions } = options
  const started = performance.now()
  let added = 0
  let updated = 0
  let unchanged = 0
  let words = 0
  const failed: { subject: string; line: string; code: string }[] = []

  for await (const outcome of loadDocuments(inputs, loadOptions)) {
    if (!outcome.ok) {
      const failure = {
        subject: outcome.subject,
        line: errorLine(outcome.error),
        code: outcome.error.code,
      }
      failed.push(failure)
      onEvent?.({ kind: 'failed', ...failure })
      continue
    }
    const doc = outcome.doc
    try {
      const id = documentId(doc.text)
      const existing = await store.documentStatus(id)
      let status: 'added' | 'updated' | 'unchanged'
      if (existing !== null && existing.pipeline === PIPELINE_VERSION) {
        // Same content, same pipeline: skip the analysis, only remember the extra source.
        await store.addSource(id, doc.metadata.source)
        status = 'unchanged'
      } else {
        const analysis = analyze(doc)
        status = await store.saveAnalysis(analysis)
        words += countWords(doc.text)
      }
      if (status === 'added') added++
      else if (status === 'updated') updated++
      else unchanged++
      onEvent?.({
        kind: 'document',
        status,
        id,
        source: doc.metadata.source,
        title: doc.metadata.title,
      })
    } catch (error) {
      // A storage failure for one document: that document's transaction rolled back; go on.
      const code = error instanceof AppError ? error.code : 'INTERNAL'
      const failure = {
        subject: doc.metadata.source,
        line: errorLine(error, doc.metadata.source),
        code,
      }
      failed.push(failure)
      onEvent?.({ kind: 'failed', ...failure })
    }
  }
  return { added, updated, unchanged, failed, words, seconds: (performance.now() - started) / 1000 }
}

/** Whitespace-separated words: the unit of the words/s figures. */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}
