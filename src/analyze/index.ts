/**
 * @module
 * `analyze`: a pure function from a normalized document to its analysis (`claimgraph/analysis@1`):
 * sentences, tokens, entities, quantities, dates, claims and events, every annotation with offsets
 * into the document's text and the stage and rule that produced it.
 */
import { ANALYSIS_SCHEMA, type Analysis } from '../model/analysis.js'
import { documentId } from '../model/document-id.js'
import type { Diagnostic, DocumentMetadata, NormalizedDocument } from '../model/document.js'
import { pipeline as defaultPipeline, type Pipeline } from './pipeline.js'
import type { LayerName, Layers, Tokens } from './stage.js'
import { textDocument } from './text-document.js'
import { PIPELINE_VERSION } from './version.js'

export { PIPELINE_VERSION } from './version.js'
export { buildPipeline, STAGES, type Pipeline } from './pipeline.js'
export { textDocument } from './text-document.js'

export interface AnalyzeOptions {
  /** Print each stage's output count and time to stderr (default: `DEBUG` contains `pipeline`). */
  readonly debug?: boolean
  /** Another validated stage list (tests, experiments). */
  readonly pipeline?: Pipeline
}

const DEBUG_FROM_ENV = /(^|,)\s*pipeline\s*(,|$)/.test(process.env['DEBUG'] ?? '')

const EMPTY_TOKENS: Tokens = {
  count: 0,
  starts: new Uint32Array(0),
  ends: new Uint32Array(0),
  sentence: new Uint32Array(0),
}

/** The empty value of a layer, used when a stage fails so the later stages still run. */
function emptyLayer(name: LayerName): Layers[LayerName] {
  return name === 'tokens' ? EMPTY_TOKENS : []
}

function layerSize(value: Layers[LayerName]): number {
  return 'count' in value ? value.count : value.length
}

/**
 * Analyze one document. Never throws on messy text: a stage that fails anyway leaves its layer
 * empty and a diagnostic (`ANALYZE_STAGE_FAILED`) in the result.
 * @example
 * const analysis = analyze(doc)
 * for (const event of analysis.events) console.log(event.type, event.figures)
 */
export function analyze(doc: NormalizedDocument, options: AnalyzeOptions = {}): Analysis {
  const debug = options.debug ?? DEBUG_FROM_ENV
  const stages = (options.pipeline ?? defaultPipeline).stages
  const layers: Partial<Record<LayerName, Layers[LayerName]>> = {}
  const diagnostics: Diagnostic[] = [...doc.diagnostics]
  for (const stage of stages) {
    const started = debug ? performance.now() : 0
    let output: Layers[LayerName]
    try {
      output = stage.run(doc, layers as Partial<Layers>)
    } catch (error) {
      output = emptyLayer(stage.provides)
      const message = error instanceof Error ? error.message : String(error)
      diagnostics.push({
        code: 'ANALYZE_STAGE_FAILED',
        message: `stage ${stage.name} failed: ${message}`,
      })
    }
    layers[stage.provides] = output
    if (debug) {
      const ms = (performance.now() - started).toFixed(2)
      process.stderr.write(
        `[pipeline] ${doc.metadata.source} ${stage.name}: ${layerSize(output)} ${stage.provides} (${ms} ms)\n`,
      )
    }
  }
  const done = layers as Partial<Layers>
  if (done.diagnostics !== undefined) diagnostics.push(...done.diagnostics)
  const { metadata } = doc
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: PIPELINE_VERSION,
    document: {
      id: documentId(doc.text),
      source: metadata.source,
      title: metadata.title,
      author: metadata.author,
      site: metadata.site,
      publishedAt: metadata.publishedAt,
      kind: metadata.kind,
      language: metadata.language,
    },
    text: doc.text,
    sections: doc.sections,
    repeats: doc.repeats,
    sentences: done.sentences ?? [],
    entities: done.entities ?? [],
    claims: done.claims ?? [],
    events: done.events ?? [],
    quantities: done.quantities ?? [],
    dates: done.dates ?? [],
    diagnostics,
  }
}

/**
 * Analyze plain text as a document with one body section (tests, quick looks).
 * @example
 * analyzeText('At least 139 people were killed.', { publishedAt: '2026-03-23' }).events
 */
export function analyzeText(
  text: string,
  metadata: Partial<DocumentMetadata> = {},
  options: AnalyzeOptions = {},
): Analysis {
  return analyze(textDocument(text, metadata), options)
}
