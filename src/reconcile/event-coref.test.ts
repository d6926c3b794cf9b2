import { describe, expect, it } from 'vitest'
import {
  clusterDocuments,
  DEFAULT_EVENT_COREF,
  eventCoreference,
  sameLemma,
  type CorefMention,
} from './event-coref.js'

const terms = (text: string) => {
  const map = new Map<string, number>()
  for (const w of text.toLowerCase().split(/\s+/)) map.set(w, (map.get(w) ?? 0) + 1)
  return map
}

const m = (
  id: string,
  document: string,
  lemma: string,
  args: string[] = [],
  times: string[] = [],
) => ({ id, document, lemma, args, times }) satisfies CorefMention

describe('clusterDocuments', () => {
  it('groups documents that share rare words and keeps the others apart', () => {
    const clusters = clusterDocuments(
      [
        { id: 'a', terms: terms('harbour flood portmere rescue boats river') },
        { id: 'b', terms: terms('portmere flood harbour mayor wall') },
        { id: 'c', terms: terms('orchestra symphony lindhall conductor') },
        { id: 'd', terms: terms('lindhall orchestra season tickets') },
      ],
      0.1,
    )
    expect(clusters.map((c) => c.sort().join('')).sort()).toEqual(['ab', 'cd'])
  })
})

describe('event coreference', () => {
  const clusters = new Map([
    ['d1', 0],
    ['d2', 0],
    ['d3', 1],
  ])
  it('same lemma corefers inside a document cluster only (the baseline)', () => {
    const groups = sameLemma(
      [m('x', 'd1', 'arrest'), m('y', 'd2', 'arrest'), m('z', 'd3', 'arrest')],
      clusters,
    )
    expect(groups.map((g) => g.join(','))).toEqual(['x,y', 'z'])
  })

  it.each([
    [
      'synonyms join',
      [m('a', 'd1', 'kill'), m('b', 'd2', 'death')],
      { synonyms: [['kill', 'death']] },
      1,
    ],
    [
      'stem prefix joins',
      [m('a', 'd1', 'nominate'), m('b', 'd2', 'nomination')],
      { stemPrefix: 6 },
      1,
    ],
    [
      'different times split',
      [m('a', 'd1', 'strike', [], ['monday']), m('b', 'd2', 'strike', [], ['friday'])],
      { splitOnTime: true },
      2,
    ],
    [
      'shared arguments join across lemmas',
      [
        m('a', 'd1', 'seize', ['orlen', 'portmere']),
        m('b', 'd2', 'capture', ['orlen', 'portmere']),
      ],
      { argJoin: 0.5, minSharedArgs: 2 },
      1,
    ],
    [
      'one shared argument is not enough',
      [m('a', 'd1', 'seize', ['orlen', 'x']), m('b', 'd2', 'capture', ['orlen', 'y'])],
      { argJoin: 0.3, minSharedArgs: 2 },
      2,
    ],
  ] as const)('%s', (_name, mentions, options, count) => {
    const groups = eventCoreference(mentions, clusters, { ...DEFAULT_EVENT_COREF, ...options })
    expect(groups).toHaveLength(count)
  })
})
