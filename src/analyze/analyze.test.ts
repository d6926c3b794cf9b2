import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import type { Analysis } from '../model/analysis.js'
import type { DocumentMetadata, NormalizedDocument, Section } from '../model/document.js'
import { analyze, analyzeText, buildPipeline, PIPELINE_VERSION, STAGES } from './index.js'
import type { Stage } from './stage.js'
import { textDocument } from './text-document.js'

const here = '[analyze] '
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const UPDATE = process.env['UPDATE_GOLDEN'] === '1'

interface FixtureMeta {
  readonly metadata?: Partial<DocumentMetadata>
  /** Kind of each paragraph (blank-line separated); consecutive equal kinds merge, except comments. */
  readonly paragraphKinds?: readonly Section['kind'][]
}

/** A fixture `<case>.txt` (+ optional `<case>.meta.json`) as a normalized document. */
function fixtureDocument(name: string): NormalizedDocument {
  const text = readFileSync(`${fixtures}${name}.txt`, 'utf8')
  const metaPath = `${fixtures}${name}.meta.json`
  const meta: FixtureMeta = existsSync(metaPath)
    ? (JSON.parse(readFileSync(metaPath, 'utf8')) as FixtureMeta)
    : {}
  const doc = textDocument(text, meta.metadata)
  if (meta.paragraphKinds === undefined) return doc
  const sections: Section[] = []
  const re = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g
  let index = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text), index++) {
    const kind = meta.paragraphKinds[Math.min(index, meta.paragraphKinds.length - 1)]!
    const last = sections[sections.length - 1]
    const end = m.index + m[0].length
    if (last !== undefined && last.kind === kind && kind !== 'comment')
      sections[sections.length - 1] = { ...last, end }
    else sections.push({ kind, start: m.index, end })
  }
  return { ...doc, sections }
}

/** Every `{ start, end, text }` in the analysis must be a slice of the text. */
function checkSpans(analysis: Analysis): number {
  let checked = 0
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (value === null || typeof value !== 'object') return
    const record = value as Record<string, unknown>
    if (
      typeof record['start'] === 'number' &&
      typeof record['end'] === 'number' &&
      typeof record['text'] === 'string'
    ) {
      expect(analysis.text.slice(record['start'], record['end'])).toBe(record['text'])
      checked++
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'text') visit(child)
  }
  const { text: _text, ...rest } = analysis
  visit(rest)
  return checked
}

/** The golden view: everything but the text itself, the version string, and the layers other stages own. */
function goldenView(analysis: Analysis): unknown {
  const { text, pipeline: _pipeline, entities: _entities, claims: _claims, ...rest } = analysis
  return {
    ...rest,
    sentences: analysis.sentences.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
  }
}

/**
 * The goldens pin the analysis core (sentences, tokens, quantities, dates, events). The entity and
 * claim stages belong to other folders with their own goldens, and change on their own schedule:
 * here they find nothing, so events show no places or agents (events.test.ts covers those with
 * given entities).
 */
const OTHER_STAGES: ReadonlySet<string> = new Set(['mentions', 'entities', 'claims'])
const corePipeline = buildPipeline(
  STAGES.map((stage): Stage =>
    OTHER_STAGES.has(stage.name) ? { ...stage, run: () => [] } : stage,
  ),
)

const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -4))
  .sort()

describe('analyze', () => {
  it(`${here}public API`, async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual([
      'PIPELINE_VERSION',
      'STAGES',
      'analyze',
      'analyzeText',
      'buildPipeline',
      'textDocument',
    ])
  })

  it.each(cases)(`${here}golden %s`, (name) => {
    const analysis = analyze(fixtureDocument(name), { pipeline: corePipeline })
    expect(analysis.schema).toBe('claimgraph/analysis@1')
    expect(analysis.pipeline).toBe(PIPELINE_VERSION)
    expect(checkSpans(analysis)).toBeGreaterThan(0)
    const goldenPath = `${fixtures}${name}.json`
    const actual = `${JSON.stringify(goldenView(analysis), null, 2)}\n`
    if (UPDATE || !existsSync(goldenPath)) writeFileSync(goldenPath, actual)
    expect(actual).toBe(readFileSync(goldenPath, 'utf8'))
  })

  it(`${here}every sentence lies in one section; the full pipeline keeps every span exact`, () => {
    for (const name of cases) {
      const doc = fixtureDocument(name)
      const analysis = analyze(doc)
      checkSpans(analysis)
      for (const sentence of analysis.sentences) {
        const section = doc.sections[sentence.section]!
        expect(sentence.start).toBeGreaterThanOrEqual(section.start)
        expect(sentence.end).toBeLessThanOrEqual(section.end)
      }
    }
  })

  it(`${here}is total on messy text`, () => {
    const messy = [
      '',
      ' ',
      '\n\n\n',
      '....',
      '“”',
      '\ud800',
      '- - -',
      '1,,2..3',
      'a'.repeat(10_000),
      '🙂'.repeat(100),
      '<p>x</p>\r\n\r\ny',
    ]
    for (const text of messy) {
      const analysis = analyzeText(text)
      expect(analysis.diagnostics).toEqual([])
      checkSpans(analysis)
    }
  })

  it(`${here}analyzeText builds one body section and keeps metadata`, () => {
    const analysis = analyzeText('At least 139 people were killed in the attack yesterday.', {
      publishedAt: '2026-03-23',
    })
    expect(analysis.sections).toEqual([{ kind: 'body', start: 0, end: 56 }])
    expect(analysis.document.publishedAt).toBe('2026-03-23')
    expect(analysis.document.id).toMatch(/^[0-9a-f]{32}$/)
    expect(analysis.events[0]).toMatchObject({
      type: 'attack',
      date: { value: '2026-03-22', relative: false },
    })
    expect(analysis.events[0]!.figures.map((f) => [f.measure, f.value, f.qualifier])).toEqual([
      ['killed', 139, 'at_least'],
    ])
  })

  it(`${here}a stage that throws leaves its layer empty and a diagnostic; later stages still run`, () => {
    const broken = STAGES.map((stage): Stage =>
      stage.name === 'quantities'
        ? {
            ...stage,
            run: () => {
              throw new TypeError('boom')
            },
          }
        : stage,
    )
    const analysis = analyzeText(
      'At least 139 people were killed in the attack.',
      {},
      { pipeline: buildPipeline(broken) },
    )
    expect(analysis.quantities).toEqual([])
    expect(analysis.events[0]?.type).toBe('attack')
    expect(analysis.diagnostics).toEqual([
      { code: 'ANALYZE_STAGE_FAILED', message: 'stage quantities failed: boom' },
    ])
  })

  it(`${here}debug prints one line per stage to stderr`, () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      analyzeText(
        'Two men were arrested.',
        { source: 'dbg' },
        { debug: true, pipeline: corePipeline },
      )
      const lines = write.mock.calls.map((call) => String(call[0]))
      expect(lines.map((line) => line.replace(/\(.*\)/, '()'))).toEqual([
        '[pipeline] dbg sentences: 1 sentences ()\n',
        '[pipeline] dbg tokens: 5 tokens ()\n',
        '[pipeline] dbg mentions: 0 mentions ()\n',
        '[pipeline] dbg entities: 0 entities ()\n',
        '[pipeline] dbg quantities: 1 quantities ()\n',
        '[pipeline] dbg dates: 0 dates ()\n',
        '[pipeline] dbg claims: 0 claims ()\n',
        '[pipeline] dbg events: 1 events ()\n',
      ])
    } finally {
      write.mockRestore()
    }
  })
})
