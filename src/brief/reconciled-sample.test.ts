/**
 * The reconciled part of the sample corpus's brief (issue 5), checked against the answer key in
 * docs/sample-corpus.md: the copy counted once with its earliest document, the death toll's later
 * report told from a contradiction, the injured figures conflicting, responsibility contested with
 * claimant, accusers and deniers, comment-only material apart, and the arrest two days later.
 */
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze/index.js'
import { loadDocuments } from '../load/index.js'
import type { Analysis } from '../model/analysis.js'
import { buildBrief, renderBriefMarkdown } from './index.js'

const SAMPLE = new URL('../../sample/', import.meta.url).pathname

describe('reconciled brief of the sample corpus', async () => {
  const analyses: Analysis[] = []
  for await (const outcome of loadDocuments([SAMPLE])) {
    if (outcome.ok) analyses.push(analyze(outcome.doc))
  }
  const brief = buildBrief(analyses)
  const story = brief.stories.find((s) =>
    s.documents.some((d) => d.source.endsWith('01-northgate-wire.txt')),
  )!
  const refOf = (name: string) => story.documents.find((d) => d.source.endsWith(name))!.ref
  const attack = story.reconciledEvents.find((e) => e.family === 'attack')!
  const measure = (name: string, event = attack.id) =>
    story.reconciledFigures.find((m) => m.measure === name && m.event === event)!

  it('finds that 06 copies 01 and names 01 the earliest known document', () => {
    expect(story.duplicates).toContainEqual(
      expect.objectContaining({
        original: refOf('01-northgate-wire.txt'),
        copy: refOf('06-social-newsdesk-syndicated.txt'),
        kind: 'copy',
      }),
    )
    const source = story.sources.find((s) => s.earliest === refOf('01-northgate-wire.txt'))!
    expect(source.members).toContainEqual({
      document: refOf('06-social-newsdesk-syndicated.txt'),
      reason: 'copy',
    })
  })

  it('has one attack on 13 March and the arrest two days later as a distinct event', () => {
    expect(attack.date).toBe('2026-03-13')
    expect(attack.place).toBe('Amber Crown Concert Hall')
    expect(story.timeline.map((t) => [t.type, t.date, t.daysAfterFirst])).toEqual([
      ['attack', '2026-03-13', 0],
      ['arrest', '2026-03-15', 2],
    ])
  })

  it('reports 143 killed as a later report, not a contradiction, and 139 as corroborated', () => {
    const killed = measure('killed')
    expect(killed.status).toBe('updated')
    expect(killed.current).toBe(143)
    const v139 = killed.values.find((v) => v.value === 139 && v.qualifier === 'exact')!
    expect(v139.independentSources).toBeGreaterThanOrEqual(2)
    expect(killed.conflicts.every((c) => c.kind === 'update')).toBe(true)
    // 01 and its copy 06 give "at least 139": counted once.
    const atLeast = killed.values.find((v) => v.value === 139 && v.qualifier === 'at_least')!
    expect(atLeast.documents.length).toBeGreaterThan(atLeast.independentSources)
  })

  it('shows the injured figures as conflicting, both sides shown', () => {
    const injured = measure('injured')
    expect(injured.status).toBe('conflicting')
    const contradiction = injured.conflicts.find((c) => c.kind === 'contradiction')!
    const sides = [injured.values[contradiction.a]!.value, injured.values[contradiction.b]!.value]
    expect(sides.sort()).toEqual([182, 200])
  })

  it('never mixes hospitalized with injured, and keeps arrests with the arrest', () => {
    expect(
      measure('hospitalized')
        .values.map((v) => v.value)
        .sort(),
    ).toEqual([104, 95, 97])
    expect(measure('injured').values.some((v) => [95, 97, 104].includes(v.value))).toBe(false)
    const arrest = story.reconciledEvents.find((e) => e.family === 'arrest')!
    expect(measure('arrested', arrest.id).values.map((v) => v.value)).toEqual([11])
    expect(measure('attackers').status).toBe('consistent')
  })

  it('gives as the latest reported value the last one the latest document tells', () => {
    // The analysis of 03-15 says "at least 139", then "the toll had risen to 143".
    const latest = (name: string) => story.figures.find((m) => m.measure === name)!.latest
    expect([latest('killed'), latest('hospitalized')]).toEqual([
      measure('killed').current,
      measure('hospitalized').current,
    ])
    expect(latest('killed')).toBe(143)
  })

  it('lays out responsibility as contested: claimed by the Front, Kaldria accused and denying', () => {
    const r = story.responsibility[0]!
    expect(r.event).toBe(attack.id)
    expect(r.status).toBe('contested')
    const actor = (name: string) => r.actors.find((a) => a.actor === name)!
    expect(actor('Black Meridian Front').claimedBy.map((a) => a.speaker)).toEqual([
      'Black Meridian Front',
    ])
    const kaldria = actor('Kaldria')
    expect(kaldria.accusedBy.map((a) => a.speaker)).toEqual(
      expect.arrayContaining(['Adrian Voskel', 'Ilona Dravic']),
    )
    expect(kaldria.accusedBy.find((a) => a.speaker === 'Adrian Voskel')!.withoutEvidence).toBe(true)
    expect(kaldria.deniedBy.map((a) => a.speaker)).toContain('Emil Radovan')
    expect(actor('Norvenia').accusedBy.map((a) => a.speaker)).toEqual(['Ilona Dravic'])
    // "Kaldria, Norvenia and Westria all deny any involvement" (D11) and "all three governments
    // have denied any role" (D10, after its accusations of the three): each denies for itself,
    // so each has two independent sources and comes first.
    expect(actor('Norvenia').deniedBy.map((a) => a.speaker)).toEqual([
      'Norvenia',
      'Claire Whitlock',
    ])
    expect(actor('Westria').deniedBy.map((a) => a.speaker)).toEqual(['Westria', 'Daniel Ferro'])
    expect(kaldria.deniedBy.find((a) => a.speaker === 'Kaldria')!.independentSources).toBe(5)
  })

  it('keeps comment-only material and unattributed allegations apart', () => {
    const comments = story.commentOnly.map((f) => f.text).join('\n')
    for (const name of ['Dmitri Vale', 'Jonas Feld', 'Oskar Brandt', 'Mara Lintz']) {
      expect(comments).toContain(name)
    }
    expect(story.commentOnly.every((f) => f.cites.every((c) => c.section === 'comment'))).toBe(true)
    expect(story.unattributed.map((c) => c.content).join('\n')).toMatch(/had help[\s\S]*warned/)
    const corroborated = story.corroborated.map((f) => f.text)
    expect(corroborated).toContain('killed: 139 (attack)')
    expect(corroborated.some((t) => t.startsWith('Adrian Voskel accuse'))).toBe(true)
    expect(story.singleSource.map((f) => f.text)).toContain('injured: about 200 (attack)')
  })

  it('renders the new sections with citations', () => {
    const markdown = renderBriefMarkdown(brief)
    for (const heading of [
      '### Sources and copies',
      '### Timeline',
      '### Figures by event',
      '### Responsibility: contested',
      '### Corroborated by two or more independent sources',
      '### Resting on one source',
    ]) {
      expect(markdown).toContain(heading)
    }
    expect(markdown).toMatch(/- \*\*killed\*\*: updated \(attack;/)
  })
})
