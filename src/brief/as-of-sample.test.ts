/**
 * The time a figure states ("As of 11:00 on 14 March") on the sample corpus, as the answer key in
 * docs/sample-corpus.md gives it: the Ministry's killed and injured counts carry 2026-03-14.
 */
import { expect, it } from 'vitest'
import { analyze } from '../analyze/index.js'
import { loadDocuments } from '../load/index.js'
import type { Analysis } from '../model/analysis.js'
import { buildBrief, renderBriefMarkdown } from './index.js'

const SAMPLE = new URL('../../sample/', import.meta.url).pathname

it('keeps the time the Ministry states for its counts, in the brief and its Markdown', async () => {
  const analyses: Analysis[] = []
  for await (const outcome of loadDocuments([SAMPLE])) {
    if (outcome.ok) analyses.push(analyze(outcome.doc))
  }
  const ministry = analyses.find((a) => a.text.includes('As of 11:00 on 14 March'))!
  const stated = ministry.events
    .flatMap((e) => e.figures)
    .filter((f) => f.asOf !== undefined)
    .map((f) => [f.measure, f.value, f.asOf!.value])
  expect(stated).toEqual([
    ['killed', 139, '2026-03-14'],
    ['injured', 182, '2026-03-14'],
  ])

  const story = buildBrief(analyses).stories[0]!
  const valueOf = (measure: string, value: number) =>
    story.reconciledFigures
      .find((m) => m.measure === measure)!
      .values.find((v) => v.value === value && v.qualifier === 'exact')!
  expect(valueOf('killed', 139).asOf).toBe('2026-03-14')
  expect(valueOf('injured', 182).asOf).toBe('2026-03-14')
  expect(renderBriefMarkdown(buildBrief(analyses))).toMatch(/- 139 \([^)]*as of 2026-03-14/)
})
