/**
 * @module
 * The ingest job: read → normalize → analyze → store, one transaction per document. Shared by the
 * CLI and the HTTP API so nothing is computed twice in two places. Analysis runs in worker threads
 * (see analyze-pool.ts) while the main thread reads the next inputs and stores finished analyses;
 * stores happen one at a time, in the order analyses finish.
 */
import { PIPELINE_VERSION } from '../analyze/version.js'
import { AppError, errorLine } from '../errors.js'
import { loadDocuments, type LoadOptions, type LoadOutcome } from '../load/index.js'
import type { Analysis } from '../model/analysis.js'
import { documentId } from '../model/document-id.js'
import type { NormalizedDocument } from '../model/document.js'
import { hasStory, reconcileAfterSave } from '../reconcile/index.js'
import type { Store } from '../store/index.js'
import { createAnalyzePool, defaultWorkerCount } from './analyze-pool.js'

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

export interface IngestFailure {
  readonly subject: string
  readonly line: string
  readonly code: string
}

export interface IngestSummary {
  readonly added: number
  readonly updated: number
  readonly unchanged: number
  readonly failed: readonly IngestFailure[]
  /** Words analyzed (documents skipped as unchanged are not counted). */
  readonly words: number
  readonly seconds: number
}

export interface IngestOptions extends Partial<LoadOptions> {
  /** Called once per document or failure: drives progress bars and logs. */
  readonly onEvent?: (event: IngestEvent) => void
  /** Analysis worker threads; 0 analyzes on the main thread. Default: cores − 1 (at most 4). */
  readonly workers?: number
  /** Put each stored document into its story (incremental reconcile). Default: true. */
  readonly reconcile?: boolean
  /** Called after each stored (added or updated) analysis, after reconcile. */
  readonly afterSave?: (analysis: Analysis) => Promise<void>
}

/** Documents read ahead of the store: bounds memory while keeping the workers busy. */
const MAX_IN_FLIGHT = 8

/**
 * Ingest every input (paths, directories, globs, URLs, `-`) into the store. Never throws for a bad
 * input: failures are collected in the summary (and reported through `onEvent`) while every other
 * input still goes through.
 * @example
 * const summary = await ingest(store, ['sample/'])
 */
export function ingest(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  return ingestDocuments(store, loadDocuments(inputs, options), options)
}

/**
 * Ingest documents that were already read and normalized (or failed to be), e.g. uploads the HTTP
 * API normalized from memory with `normalizeRaw`. The same job as `ingest`, from the analysis on.
 */
export async function ingestDocuments(
  store: Store,
  outcomes: AsyncIterable<LoadOutcome> | Iterable<LoadOutcome>,
  options: Omit<IngestOptions, keyof LoadOptions> = {},
): Promise<IngestSummary> {
  const { onEvent, workers = defaultWorkerCount(), reconcile = true, afterSave } = options
  const started = performance.now()
  const counts = { added: 0, updated: 0, unchanged: 0 }
  let words = 0
  const failed: IngestFailure[] = []
  const pool = createAnalyzePool(workers)
  const inFlight = new Set<Promise<void>>()
  // Stores run one after another: one connection, one transaction per document.
  let storeChain: Promise<void> = Promise.resolve()

  const fail = (error: unknown, subject: string): void => {
    const code = error instanceof AppError ? error.code : 'INTERNAL'
    const failure = { subject, line: errorLine(error, subject), code }
    failed.push(failure)
    onEvent?.({ kind: 'failed', ...failure })
  }
  const report = (doc: NormalizedDocument, id: string, status: keyof typeof counts): void => {
    counts[status]++
    onEvent?.({
      kind: 'document',
      status,
      id,
      source: doc.metadata.source,
      title: doc.metadata.title,
    })
  }
  const store1 = (doc: NormalizedDocument, analysis: Analysis): Promise<void> => {
    storeChain = storeChain.then(async () => {
      try {
        const status = await store.saveAnalysis(analysis)
        if (status !== 'unchanged') {
          words += countWords(doc.text)
          if (reconcile) await reconcileAfterSave(store, analysis)
          if (afterSave) await afterSave(analysis)
        }
        report(doc, analysis.document.id, status)
      } catch (error) {
        // That document's transaction rolled back; go on with the others.
        fail(error, doc.metadata.source)
      }
    })
    return storeChain
  }

  try {
    for await (const outcome of outcomes) {
      if (!outcome.ok) {
        fail(outcome.error, outcome.subject)
        continue
      }
      const doc = outcome.doc
      try {
        const id = documentId(doc.text)
        const existing = await store.documentStatus(id)
        if (existing !== null && existing.pipeline === PIPELINE_VERSION) {
          // Same content, same pipeline: skip the analysis, only remember the extra source.
          await store.addSource(id, doc.metadata.source)
          if (reconcile && !(await hasStory(store, id))) {
            // Stored but never put into a story (a crash between the two transactions).
            const stored = await store.loadAnalysis(id)
            if (stored !== null) await reconcileAfterSave(store, stored)
          }
          report(doc, id, 'unchanged')
          continue
        }
      } catch (error) {
        fail(error, doc.metadata.source)
        continue
      }
      const job: Promise<void> = pool
        .analyze(doc)
        .then(
          (analysis) => store1(doc, analysis),
          (error: unknown) => fail(error, doc.metadata.source),
        )
        .finally(() => inFlight.delete(job))
      inFlight.add(job)
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
    await storeChain
  } finally {
    await pool.close()
  }
  return { ...counts, failed, words, seconds: (performance.now() - started) / 1000 }
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
