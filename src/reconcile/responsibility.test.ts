import { describe, expect, it } from 'vitest'
import type { Stance } from '../model/analysis.js'
import { responsibility, withoutEvidence, type ResponsibilityClaim } from './responsibility.js'

const actor = (name: string) => ({ key: name.toLowerCase(), name })

function claim(
  stance: Stance,
  speaker: string | null,
  targets: string[],
  document: string,
  content = 'the attack',
  extra: Partial<ResponsibilityClaim<string>> = {},
): ResponsibilityClaim<string> {
  return {
    stance,
    speaker: speaker === null ? null : actor(speaker),
    targets: targets.map(actor),
    content,
    sentence: content,
    section: 'body',
    document,
    source: document,
    cite: `${document}:${stance}`,
    ...extra,
  }
}

describe('withoutEvidence', () => {
  it.each([
    ['He blamed Orlen, without providing evidence.', true],
    ['The minister offered no evidence for the claim.', true],
    ['She said the evidence was clear.', false],
    ['They accused the group without any evidence', true],
  ])('%j → %s', (sentence, expected) => {
    expect(withoutEvidence('', sentence)).toBe(expected)
  })
})

describe('responsibility', () => {
  it('lays out claimants, accusers and deniers, and is contested when they disagree', () => {
    const r = responsibility([
      claim('claim_responsibility', 'Grey Hand', [], 'd1'),
      claim('claim_responsibility', 'Grey Hand', [], 'd2'),
      claim('accuse', 'Mayor Ostby', ['Orlen'], 'd1', 'Orlen, without evidence'),
      claim('accuse', 'Minister Pell', ['Orlen', 'Tessaly'], 'd3'),
      claim('deny', 'Orlen', [], 'd3', 'any role'),
      claim('deny', 'spokesman', ['Tessaly'], 'd3', 'it'),
      claim('accuse', null, ['Orlen'], 'd4', 'it is alleged that Orlen helped'),
      claim('accuse', 'Reader99', ['Tessaly'], 'd4', 'x', { section: 'comment' }),
    ])
    expect(r.status).toBe('contested')
    const laid = r.actors.map((a) => ({
      actor: a.actor.name,
      claimed: a.claimedBy.map((x) => `${x.speaker.name}/${x.independentSources}`),
      accused: a.accusedBy.map((x) => `${x.speaker.name}${x.withoutEvidence ? '!' : ''}`),
      denied: a.deniedBy.map((x) => x.speaker.name),
    }))
    expect(laid).toEqual([
      { actor: 'Grey Hand', claimed: ['Grey Hand/2'], accused: [], denied: [] },
      {
        actor: 'Orlen',
        claimed: [],
        accused: ['Mayor Ostby!', 'Minister Pell'],
        denied: ['Orlen'],
      },
      { actor: 'Tessaly', claimed: [], accused: ['Minister Pell'], denied: ['spokesman'] },
    ])
  })

  it('a denial without targets speaks for the actor named in the speaker text', () => {
    const r = responsibility([
      claim('accuse', 'Minister Pell', ['Tessaly'], 'd1'),
      claim('deny', 'Ana Brol', [], 'd2', 'the claim', {
        speakerText: "Tessaly's foreign office spokesperson, Ana Brol",
      }),
    ])
    expect(r.status).toBe('alleged')
    expect(r.actors[0]!.deniedBy.map((a) => a.speaker.name)).toEqual(['Ana Brol'])
  })

  it('candidates named together in a denial each deny for themselves', () => {
    const r = responsibility([
      claim('accuse', 'Minister Pell', ['Orlen', 'Tessaly'], 'd1'),
      claim('deny', 'Orlen', [], 'd2', 'any involvement', { speakerText: 'Orlen and Tessaly' }),
      claim('deny', 'Orlen', ['Tessaly'], 'd3', 'that Tessaly had a part'),
    ])
    expect(r.actors.map((a) => [a.actor.name, a.deniedBy.map((d) => d.speaker.name)])).toEqual([
      ['Orlen', ['Orlen']],
      ['Tessaly', ['Orlen', 'Tessaly']],
    ])
  })

  it('a candidate named beside the speaker without a list does not deny for itself', () => {
    const r = responsibility([
      claim('accuse', 'Minister Pell', ['Orlen', 'Tessaly'], 'd1'),
      claim('deny', 'Orlen', [], 'd2', 'any part', { speakerText: "Orlen's envoy to Tessaly" }),
    ])
    const tessaly = r.actors.find((a) => a.actor.name === 'Tessaly')!
    expect(tessaly.deniedBy.map((d) => d.speaker.name)).toEqual(['Orlen'])
  })

  it('a counted group of states speaks for as many states accused before it in its document', () => {
    const state = (name: string) => ({ ...actor(name), type: 'GPE' })
    const accuse = (speaker: string, targets: string[], document: string) => ({
      ...claim('accuse', speaker, [], document),
      targets: targets.map(state),
    })
    const r = responsibility([
      accuse('Minister Pell', ['Orlen', 'Tessaly', 'Varn'], 'd1'),
      claim('deny', 'all three governments', [], 'd1', 'any role'),
      // A militia is no government, and two accused are not three.
      claim('accuse', 'Orlen', ['Grey Hand'], 'd2'),
      accuse('Mayor Ostby', ['Orlen', 'Tessaly'], 'd2'),
      claim('deny', 'all three governments', [], 'd2', 'any role'),
      // Accusations after the denial do not count.
      claim('deny', 'both countries', [], 'd3', 'any role'),
      accuse('Mayor Ostby', ['Orlen', 'Varn'], 'd3'),
    ])
    expect(r.actors.map((a) => [a.actor.name, a.deniedBy.map((d) => d.speaker.name)])).toEqual([
      ['Orlen', ['Orlen']],
      ['Tessaly', ['Tessaly']],
      ['Varn', ['Varn']],
      ['Grey Hand', []],
    ])
  })

  it.each<[string, ResponsibilityClaim<string>[], string]>([
    ['nothing', [], 'unknown'],
    ['only a claim', [claim('claim_responsibility', 'Grey Hand', [], 'd1')], 'claimed'],
    ['one accused', [claim('accuse', 'Pell', ['Orlen'], 'd1')], 'alleged'],
  ])('%s → %s', (_name, claims, status) => {
    expect(responsibility(claims).status).toBe(status)
  })
})
