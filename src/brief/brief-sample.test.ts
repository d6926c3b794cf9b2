/**
 * The brief of the sample corpus, built from the real pipeline (load → analyze → buildBrief).
 * These tests pin what the brief must show whatever the analyzer's state: they check structure and
 * the facts of docs/sample-corpus.md that the baseline analysis finds; the issue-5 facts (copies counted
 * once, later reports told from contradictions) are pinned with hand-made analyses instead.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { analyze, analyzeText } from '../analyze/index.js'
import { loadDocuments } from '../load/index.js'
import type { Analysis } from '../model/analysis.js'
import type { Brief, BriefStory } from './brief.js'
import { buildBrief, renderBriefMarkdown } from './index.js'

const SAMPLE = new URL('../../sample/', import.meta.url)
const samplePath = (name: string): string => new URL(name, SAMPLE).pathname

/** Every citation names a document of its story and quotes a sentence of it. */
function expectCitationsResolve(story: BriefStory, analyses: readonly Analysis[]): void {
  const refs = new Set(story.documents.map((d) => d.ref))
  const byRef = new Map(analyses.map((a) => [a.document.id.slice(0, 8), a]))
  const cites = [
    ...story.speakers.flatMap((s) => s.claims.map((c) => c.cite)),
    ...story.figures.flatMap((m) => m.reports.map((r) => r.cite)),
    ...story.events.map((e) => e.cite),
  ]
  expect(cites.length).toBeGreaterThan(0)
  for (const cite of cites) {
    expect(refs).toContain(cite.document)
    expect(cite.text.length).toBeGreaterThan(0)
    const analysis = byRef.get(cite.document.slice(0, 8))!
    expect(analysis.text.replace(/\s+/g, ' ')).toContain(cite.text.replace(/…$/, ''))
  }
}

function storyWith(brief: Brief, source: string): BriefStory {
  const story = brief.stories.find((s) => s.documents.some((d) => d.source.endsWith(source)))
  if (story === undefined) throw new TypeError(`no story holds ${source}`)
  return story
}

describe('brief of sample texts analyzed with analyzeText', async () => {
  const texts = [
    ['01-northgate-wire.txt', { kind: 'article', publishedAt: '2026-03-13T23:40:00+01:00' }],
    [
      '06-social-newsdesk-syndicated.txt',
      { kind: 'social', publishedAt: '2026-03-14T00:12:00+01:00' },
    ],
    ['05-social-velenor-eyes.txt', { kind: 'social', publishedAt: '2026-03-13T21:05:00+01:00' }],
  ] as const
  const analyses = await Promise.all(
    texts.map(async ([name, metadata]) =>
      analyzeText(await readFile(samplePath(name), 'utf8'), {
        ...metadata,
        source: `sample/${name}`,
      }),
    ),
  )
  const brief = buildBrief(analyses)

  it('puts the wire story and its syndicated copy in one story', () => {
    const story = storyWith(brief, '01-northgate-wire.txt')
    expect(story.documents.map((d) => d.source)).toContain(
      'sample/06-social-newsdesk-syndicated.txt',
    )
  })

  it('reports the wire’s death toll and cites it', () => {
    const story = storyWith(brief, '01-northgate-wire.txt')
    const killed = story.figures.find((m) => m.measure === 'killed')
    expect(killed?.reports.map((r) => r.value)).toContain(139)
    expectCitationsResolve(story, analyses)
  })

  it('renders', () => {
    expect(renderBriefMarkdown(brief)).toMatch(/^# Brief\n/)
  })
})

describe('brief of the whole sample corpus (load → analyze)', async () => {
  const names = [
    '01-northgate-wire.txt',
    '02-daily-ledger.html',
    '03-watchtower-notes-blog.txt',
    '04-quiet-observer-blog.html',
    '05-social-velenor-eyes.txt',
    '06-social-newsdesk-syndicated.txt',
    '07-northgate-feed.xml',
    '08-analysis.md',
    '09-statements.jsonl',
  ]
  const analyses: Analysis[] = []
  for await (const outcome of loadDocuments(names.map(samplePath))) {
    if (outcome.ok) analyses.push(analyze(outcome.doc))
  }
  const brief = buildBrief(analyses)
  const story = storyWith(brief, '01-northgate-wire.txt')

  it('briefs all twelve documents', () => {
    expect(brief.documents).toBe(12)
    expect(brief.stories.reduce((n, s) => n + s.documents.length, 0)).toBe(12)
  })

  it('groups the news, the official statements and the feed into the attack’s story', () => {
    const sources = story.documents.map((d) => d.source)
    for (const name of [
      '02-daily-ledger.html',
      '09-statements.jsonl',
      '07-northgate-feed.xml',
      '08-analysis.md',
    ]) {
      expect(sources.some((s) => s.includes(name))).toBe(true)
    }
  })

  it('shows the death toll as reported, including the later 143', () => {
    const killed = story.figures.find((m) => m.measure === 'killed')!
    const values = new Set(killed.reports.map((r) => r.value))
    expect(values).toContain(139)
    expect(values).toContain(143)
    expect(killed.agreement).toBe('conflicting')
  })

  it('lays out the accusations against Kaldria with their speakers', () => {
    const accusers = story.speakers.filter((s) =>
      s.claims.some((c) => c.stance === 'accuse' && c.targets.includes('Kaldria')),
    )
    expect(accusers.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Adrian Voskel', 'Ilona Dravic']),
    )
  })

  it('cites a document and sentence for every line', () => {
    expectCitationsResolve(story, analyses)
    const markdown = renderBriefMarkdown(brief)
    expect(markdown).toContain('### Figures')
    expect(markdown).toContain('### Claims by speaker')
  })
})
