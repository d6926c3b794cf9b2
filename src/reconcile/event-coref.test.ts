import { describe, expect, it } from 'vitest'
import {
  averageLink,
  clusterDocuments,
  DEFAULT_EVENT_COREF,
  eventCoreference,
  pairContext,
  pairFeatures,
  pairProbability,
  sameLemma,
  scoredCoreference,
  shareStem,
  stemsOf,
  type CorefMention,
  type PairModel,
  type ScoredMention,
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

const clusters = new Map([
  ['d1', 0],
  ['d2', 0],
  ['d3', 1],
])

describe('event coreference', () => {
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

describe('learned pair scorer', () => {
  const sm = (
    id: string,
    document: string,
    lemma: string,
    context: string[],
    args: string[] = [],
  ): ScoredMention => ({
    id,
    document,
    lemma,
    args,
    times: [],
    trigger: lemma,
    verb: true,
    sentence: 2,
    context,
    window: context,
  })
  const model: PairModel = {
    version: 1,
    weights: { bias: -2, 'lex=same': 1, 'sent*same': 3, 'lex=syn': 1, 'sent*other': 3 },
    lemmaPairs: {},
    threshold: 0.5,
    documentThreshold: 0.1,
    synonyms: [['kill', 'death']],
    weakLemmas: ['say'],
  }

  it('describes a pair by its lemma relation, shared arguments and sentence similarity', () => {
    const a = sm('a', 'd1', 'fall', ['harbour', 'wall'], ['portmere'])
    const b = sm('b', 'd2', 'fallen', ['harbour', 'wall'], ['portmere'])
    const f = pairFeatures(a, b, pairContext([a, b], model))
    expect(f.get('lex=same')).toBe(1)
    expect(f.get('args=1*same')).toBe(1)
    expect(f.get('sent*same')).toBeCloseTo(1)
    const c = sm('c', 'd2', 'death', ['orchestra'])
    const g = pairFeatures(sm('k', 'd1', 'kill', ['harbour']), c, pairContext([a, c], model))
    expect(g.get('lex=syn')).toBe(1)
    expect(g.get('sent*other')).toBe(0)
  })

  it('tells whether the documents share a predicted subtopic', () => {
    const a = sm('a', 'd1', 'flood', ['harbour'])
    const b = sm('b', 'd2', 'flood', ['harbour'])
    const subtopics = {
      subtopicOf: (d: string) => (d === 'd1' ? 0 : 1),
      localSimilarity: () => 0.3,
    }
    const f = pairFeatures(
      a,
      b,
      pairContext([a, b], model, () => 0, subtopics),
    )
    expect(f.get('subtopic=split*same')).toBe(1)
    expect(f.get('localDocBin=4*same')).toBe(1)
    expect(pairFeatures(a, b, pairContext([a, b], model)).has('subtopic=split*same')).toBe(false)
  })

  it('joins mentions whose sentences agree and keeps the others apart', () => {
    const mentions = [
      sm('a', 'd1', 'kill', ['harbour', 'flood', 'portmere']),
      sm('b', 'd2', 'death', ['harbour', 'flood', 'portmere']),
      sm('c', 'd2', 'kill', ['orchestra', 'lindhall', 'season']),
    ]
    const groups = scoredCoreference(mentions, clusters, model)
    expect(groups.map((g) => g.sort().join(',')).sort()).toEqual(['a,b', 'c'])
    expect(pairProbability(new Map([['bias', 1]]), model.weights)).toBeCloseTo(0.119, 3)
  })

  it('average link merges while the mean link reaches the threshold', () => {
    const link = [
      Float64Array.from([0, 0.9, 0.2]),
      Float64Array.from([0.9, 0, 0.6]),
      Float64Array.from([0.2, 0.6, 0]),
    ]
    // {0,1} merge at 0.9; then {0,1}–{2} has mean link 0.4 < 0.5.
    expect(averageLink(link, 0.5).map((c) => c.sort().join(''))).toEqual(['01', '2'])
  })
})

describe('shareStem', () => {
  it('joins a verb and its -ing, -ion, -ed and plural forms', () => {
    expect(shareStem('kill', 'killing')).toBe(true)
    expect(shareStem('rob', 'robbing')).toBe(true)
    expect(shareStem('fire', 'firing')).toBe(true)
    expect(shareStem('arrest', 'arrests')).toBe(true)
    expect(shareStem('nominate', 'nominations')).toBe(true)
    expect(shareStem('elect', 'election')).toBe(true)
  })

  it('keeps agent nouns, short leftovers and unrelated words apart', () => {
    expect(shareStem('win', 'winner')).toBe(false)
    expect(shareStem('ring', 'red')).toBe(false)
    expect(shareStem('bed', 'be')).toBe(false)
    expect(stemsOf('sing')).toEqual(new Set(['sing']))
  })
})
