/**
 * `npm run train:events`: learn the pairwise event-coreference scorer of
 * src/reconcile/event-coref.ts on ECB+ train (../shared/data/ecbplus, topics of the Barhom et al.
 * 2019 train split) and choose its clustering thresholds on Dev.
 *
 * 1. Lemma-pair priors: for every pair of train mentions inside one predicted document cluster,
 *    whether they corefer, counted by their (sorted) lemma pair; the prior is the smoothed
 *    log-odds. While training, each topic's pairs see only the counts of the other topics, so the
 *    weights do not learn to trust a prior that has seen their own labels.
 * 2. Logistic regression (AdaGrad, L2) over the features of `pairFeatures`, including the
 *    predicted subtopics of the train document clusters (`documentSubtopics`, at the cut of
 *    `SUBTOPIC_CUTS` that best recovers the gold train subtopics, printed: 0.45).
 * 3. On Dev: the document-clustering threshold and name weight (`clusterDocuments`) and the
 *    average-link threshold with the best CoNLL F1. Test is not read.
 *
 * Writes models/events/pair-model.json (feature names, weights, lemma pairs with log-odds, the
 * thresholds; no sentence). Options: --epochs N (default 8), --l2 X (default 1e-4),
 * --min-pair N (fewest train pairs for a lemma-pair prior, default 3),
 * --pairs cluster|topic|subtopic (which train pairs: inside predicted document clusters, the
 * default, or inside gold topics or subtopics), --train-doc-threshold X (the document clusters of
 * train pairs, default 0.1), --out PATH (default models/events/pair-model.json).
 *
 * This file also exports the ECB+ reader used by scripts/eval-events.ts.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import nlp from 'compromise'
import { corefScores } from '../src/reconcile/coref-metrics.js'
import {
  clusterDocuments,
  documentSimilarity,
  pairContext,
  pairFeatures,
  pairKey,
  pairProbability,
  averageLink,
  scorePairs,
  scoredCoreference,
  type CorefDocument,
  type PairContext,
  type PairModel,
  type ScoredMention,
} from '../src/reconcile/event-coref.js'
import { documentSubtopics } from '../src/reconcile/event-coref-subtopics.js'

const root = new URL('../../shared/data/ecbplus/', import.meta.url).pathname

interface GoldMention {
  coref_chain: string
  doc_id: string
  sent_id: number
  tokens_number: number[]
  tokens_str: string
}

export interface Split {
  mentions: ScoredMention[]
  /** Gold chains of mention ids. */
  key: string[][]
  /** Gold chain of each mention id. */
  chainOf: Map<string, string>
  documents: CorefDocument[]
  topicOf: Map<string, number>
}

export const STOP = new Set(
  'the a an and or but of to in on at for with by from as is was were be been are has have had it its this that these those he she they we you i his her their our not no said says will would could can after before over about into than then also more most who which what when where while there here up out one two'.split(
    ' ',
  ),
)
const TIME =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|today|tonight|(1[89]|20)\d\d)$/i

const MONTH =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i

const NUMBER = /^\d+([.,]\d+)?$/

const LIGHT = new Set(['open', 'take', 'make', 'have', 'give', 'go', 'get', 'do', 'set', 'put'])

const rootCache = new Map<string, { root: string; verb: boolean }>()
function rootOf(word: string): { root: string; verb: boolean } {
  let r = rootCache.get(word)
  if (r === undefined) {
    const doc = nlp(word)
    doc.compute('root')
    r = { root: doc.text('root').toLowerCase() || word.toLowerCase(), verb: doc.has('#Verb') }
    rootCache.set(word, r)
  }
  return r
}

/** Head lemma: the first word of a multi-word mention when it is a verb, else the last. */
export function headLemma(text: string): { lemma: string; verb: boolean } {
  const words = text.split(/\s+/).filter((w) => w !== '')
  if (words.length === 1) {
    const r = rootOf(words[0]!)
    return { lemma: r.root, verb: r.verb }
  }
  const first = rootOf(words[0]!)
  // "open fire", "take part": a light verb leaves the meaning to the last word.
  if (first.verb && !LIGHT.has(first.root)) return { lemma: first.root, verb: true }
  const last = rootOf(words[words.length - 1]!)
  return { lemma: last.root, verb: last.verb }
}

const contentWord = (t: string): string | undefined => {
  const w = t.toLowerCase()
  return w.length >= 3 && !STOP.has(w) && /^\p{L}+$/u.test(w) ? w : undefined
}

const WINDOW = 5

export function loadSplit(name: 'Train' | 'Dev' | 'Test'): Split {
  const sentences = new Map<string, string[][]>()
  for (const line of readFileSync(join(root, `ECB_${name}_corpus.txt`), 'utf8').split('\n')) {
    const cols = line.split('\t')
    if (cols.length < 4) continue
    const [doc, sent, tok, token] = cols as [string, string, string, string]
    const doc_ = sentences.get(doc) ?? []
    const s = Number(sent)
    doc_[s] ??= []
    doc_[s]![Number(tok)] = token
    sentences.set(doc, doc_)
  }
  const gold = JSON.parse(
    readFileSync(join(root, `ECB_${name}_Event_gold_mentions.json`), 'utf8'),
  ) as GoldMention[]
  const documentTimes = new Map<string, string[]>()
  for (const [doc, sents] of sentences) {
    const times = new Set<string>()
    for (const s of sents) {
      ;(s ?? []).forEach((token, i) => {
        if (/^(1[89]|20)\d\d$/.test(token ?? '')) times.add(token!)
        const month = MONTH.exec(token ?? '')
        const day = s?.[i + 1]
        if (month !== null && day !== undefined && /^\d{1,2}$/.test(day)) {
          times.add(`${month[1]!.slice(0, 3).toLowerCase()} ${Number(day)}`)
        }
      })
    }
    documentTimes.set(doc, [...times])
  }
  const seen = new Set<string>()
  const chains = new Map<string, string[]>()
  const chainOf = new Map<string, string>()
  const mentions: ScoredMention[] = []
  for (const g of gold) {
    const id = `${g.doc_id}|${g.sent_id}|${g.tokens_number.join(',')}`
    if (seen.has(id)) continue
    seen.add(id)
    const chain = chains.get(g.coref_chain) ?? []
    chain.push(id)
    chains.set(g.coref_chain, chain)
    chainOf.set(id, g.coref_chain)
    const sentence = sentences.get(g.doc_id)?.[g.sent_id] ?? []
    const inMention = new Set(g.tokens_number)
    const first = Math.min(...g.tokens_number)
    const last = Math.max(...g.tokens_number)
    const args = new Set<string>()
    const times = new Set<string>()
    const context = new Set<string>()
    const window = new Set<string>()
    sentence.forEach((token, i) => {
      if (token === undefined || inMention.has(i)) return
      if (TIME.test(token)) times.add(token.toLowerCase())
      else if ((i > 0 && /^\p{Lu}/u.test(token)) || NUMBER.test(token)) {
        if (!STOP.has(token.toLowerCase())) args.add(token.toLowerCase())
      }
      const w = contentWord(token)
      if (w === undefined) return
      context.add(w)
      if (i >= first - WINDOW && i <= last + WINDOW) window.add(w)
    })
    const neighbours: string[] = []
    for (const step of [-1, 1]) {
      for (let i = step < 0 ? first - 1 : last + 1; i >= 0 && i < sentence.length; i += step) {
        const w = contentWord(sentence[i] ?? '')
        if (w !== undefined) {
          neighbours.push(w)
          break
        }
      }
    }
    const head = headLemma(g.tokens_str)
    mentions.push({
      id,
      document: g.doc_id,
      lemma: head.lemma,
      verb: head.verb,
      trigger: g.tokens_str.toLowerCase(),
      sentence: g.sent_id,
      args: [...args],
      times: [...times],
      context: [...context],
      window: [...window],
      neighbours,
      documentTimes: documentTimes.get(g.doc_id) ?? [],
    })
  }
  const add = (bag: Map<string, number>, t: string) => bag.set(t, (bag.get(t) ?? 0) + 1)
  const documents = [...sentences.entries()].map(([id, sents]): CorefDocument => {
    const terms = new Map<string, number>()
    const names = new Map<string, number>()
    const numbers = new Map<string, number>()
    for (const s of sents) {
      ;(s ?? []).forEach((token, i) => {
        if (token === undefined) return
        const t = token.toLowerCase()
        if (i > 0 && /^\p{Lu}/u.test(token) && !STOP.has(t)) add(names, t)
        if (NUMBER.test(token)) add(numbers, token)
        if (t.length < 3 || STOP.has(t) || !/^\p{L}+$/u.test(t)) return
        add(terms, t)
      })
    }
    return { id, terms, names, numbers }
  })
  const topicOf = new Map(documents.map((d) => [d.id, Number(d.id.split('_')[0])]))
  return { mentions, key: [...chains.values()], chainOf, documents, topicOf }
}

export function clusterIndex(clusters: readonly string[][]): Map<string, number> {
  const map = new Map<string, number>()
  clusters.forEach((c, i) => c.forEach((d) => map.set(d, i)))
  return map
}

/** Reporting and light verbs: sharing one says little about sharing an event. */
export const WEAK = [
  'say',
  'report',
  'tell',
  'accord',
  'confirm',
  'claim',
  'make',
  'take',
  'be',
  'do',
]

export const SYNONYMS = readFileSync(
  new URL('../data/reconcile/event-synonyms.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split(/\s+/))

/** Index pairs (i < j) of mentions that share a document cluster. */
export function candidatePairs(
  mentions: readonly ScoredMention[],
  groupOf: (m: ScoredMention) => number | string,
): [number, number][] {
  const groups = new Map<number | string, number[]>()
  mentions.forEach((m, i) => {
    const g = groupOf(m)
    const list = groups.get(g) ?? []
    list.push(i)
    groups.set(g, list)
  })
  const pairs: [number, number][] = []
  for (const list of groups.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) pairs.push([list[x]!, list[y]!])
    }
  }
  return pairs
}

/** Normalised cuts tried for `documentSubtopics`; the one that best recovers Train's subtopics wins. */
const SUBTOPIC_CUTS = [0.35, 0.4, 0.45, 0.5, 0.55]

/** ECB+'s gold subtopic of a document: its topic, and whether it is of the ECB+ half. */
const goldSubtopic = (document: string) =>
  `${document.split('_')[0]}${document.endsWith('plus') ? '+' : ''}`

/**
 * How well predicted subtopics recover the gold ones: F1 over the pairs of documents in one
 * subtopic (`cut` −Infinity: no cluster is cut, the document clusters alone).
 */
function subtopicRecovery(split: Split, clusters: string[][], cut: number): number {
  const predicted = documentSubtopics(split.documents, clusters, cut)
  const ids = split.documents.map((d) => d.id)
  let both = 0
  let inPredicted = 0
  let inGold = 0
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = predicted.subtopicOf(ids[i]!) === predicted.subtopicOf(ids[j]!)
      const g = goldSubtopic(ids[i]!) === goldSubtopic(ids[j]!)
      if (p) inPredicted++
      if (g) inGold++
      if (p && g) both++
    }
  }
  return (2 * both) / (inPredicted + inGold)
}

const logOdds = (c: { yes: number; all: number }) => Math.log((c.yes + 0.5) / (c.all - c.yes + 0.5))

export interface FitOptions {
  readonly epochs: number
  readonly l2: number
  /** Fewest train pairs for a lemma-pair prior. */
  readonly minPair: number
  /** Which train pairs: inside predicted document clusters, gold topics or gold subtopics. */
  readonly pairMode: 'cluster' | 'topic' | 'subtopic'
  /** The document clusters of train pairs. */
  readonly trainDocThreshold: number
  /** Fixed subtopic cut; absent: the cut of `SUBTOPIC_CUTS` that best recovers the train ones. */
  readonly subtopicCut?: number
  /** Shuffling seed of the logistic regression. */
  readonly seed?: number
  /** Print what is learnt (default true). */
  readonly verbose?: boolean
}

export const DEFAULT_FIT: FitOptions = {
  epochs: 8,
  l2: 1e-4,
  minPair: 3,
  pairMode: 'cluster',
  trainDocThreshold: 0.1,
}

/**
 * Steps 1 and 2: the lemma-pair priors and the logistic weights learnt on `train`, with the
 * subtopic cut; the thresholds are left at placeholders (0.5, 0.1) for the caller to choose.
 */
export function fitPairModel(train: Split, options: FitOptions = DEFAULT_FIT): PairModel {
  const { epochs, l2, minPair, pairMode, trainDocThreshold } = options
  const verbose = options.verbose !== false
  const trainTopics = clusterDocuments(train.documents, trainDocThreshold)
  const trainClusters = clusterIndex(trainTopics)
  let subtopicCut = options.subtopicCut
  if (subtopicCut === undefined) {
    const recovery = SUBTOPIC_CUTS.map((cut) => ({
      cut,
      f1: subtopicRecovery(train, trainTopics, cut),
    }))
    const chosen = recovery.reduce((a, b) => (b.f1 > a.f1 ? b : a)).cut
    subtopicCut = chosen
    if (verbose) {
      console.error(
        `Train subtopics recovered (document pairs F1): clusters alone ${(100 * subtopicRecovery(train, trainTopics, -Infinity)).toFixed(1)}; ` +
          recovery.map((r) => `cut ${r.cut} ${(100 * r.f1).toFixed(1)}`).join(', ') +
          ` → cut ${chosen}`,
      )
    }
  }
  const pairs = candidatePairs(train.mentions, (m) =>
    pairMode === 'topic'
      ? train.topicOf.get(m.document)!
      : pairMode === 'subtopic'
        ? goldSubtopic(m.document)
        : trainClusters.get(m.document)!,
  )
  const label = (i: number, j: number) =>
    train.chainOf.get(train.mentions[i]!.id) === train.chainOf.get(train.mentions[j]!.id)

  // 1. Lemma-pair counts, per topic and in all.
  const counts = new Map<string, { yes: number; all: number }>()
  const perTopic = new Map<number, Map<string, { yes: number; all: number }>>()
  for (const [i, j] of pairs) {
    const a = train.mentions[i]!
    const b = train.mentions[j]!
    const k = pairKey(a.lemma, b.lemma)
    const y = label(i, j) ? 1 : 0
    const t = train.topicOf.get(a.document)!
    const topic = perTopic.get(t) ?? new Map<string, { yes: number; all: number }>()
    perTopic.set(t, topic)
    for (const table of [counts, topic]) {
      const c = table.get(k) ?? { yes: 0, all: 0 }
      c.yes += y
      c.all += 1
      table.set(k, c)
    }
  }
  const lemmaPairs: Record<string, number> = {}
  for (const [k, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (c.all >= minPair) lemmaPairs[k] = Math.round(logOdds(c) * 1000) / 1000
  }
  const base = { lemmaPairs, synonyms: SYNONYMS, weakLemmas: WEAK }
  const trainDocSim = documentSimilarity(train.documents)
  const trainCtx = pairContext(
    train.mentions,
    base,
    trainDocSim,
    documentSubtopics(train.documents, trainTopics, subtopicCut),
  )
  const heldOutCtx = new Map<number, PairContext>()
  for (const [t, topic] of perTopic) {
    heldOutCtx.set(t, {
      ...trainCtx,
      prior: (a, b) => {
        const k = pairKey(a, b)
        const all = counts.get(k)
        const own = topic.get(k) ?? { yes: 0, all: 0 }
        if (all === undefined || all.all - own.all < minPair) return undefined
        return logOdds({ yes: all.yes - own.yes, all: all.all - own.all })
      },
    })
  }

  // 2. Logistic regression.
  const examples = pairs.map(([i, j]) => {
    const a = train.mentions[i]!
    const ctx = heldOutCtx.get(train.topicOf.get(a.document)!)!
    return { x: pairFeatures(a, train.mentions[j]!, ctx), y: label(i, j) ? 1 : 0 }
  })
  const positives = examples.filter((e) => e.y === 1).length
  if (verbose) {
    console.log(
      `Train: ${train.mentions.length} mentions, ${examples.length} pairs (${positives} coreferent), ` +
        `${Object.keys(lemmaPairs).length} lemma pairs with a prior.`,
    )
  }
  const weights = trainLogistic(examples, epochs, l2, options.seed ?? 12345, verbose)
  return {
    version: 1,
    weights,
    lemmaPairs,
    threshold: 0.5,
    documentThreshold: 0.1,
    subtopicCut,
    synonyms: SYNONYMS,
    weakLemmas: WEAK,
  }
}

/**
 * The learned scorer's clustering of a split: document clusters at the model's threshold and
 * name weight, predicted subtopics, average link at `threshold` (default: the model's).
 */
export function learnedClusters(split: Split, model: PairModel, threshold?: number): string[][] {
  const topics = clusterDocuments(
    split.documents,
    model.documentThreshold,
    model.documentNameWeight ?? 0,
  )
  return scoredCoreference(split.mentions, clusterIndex(topics), model, {
    ...(threshold === undefined ? {} : { threshold }),
    documentSimilarity: documentSimilarity(split.documents),
    ...(model.subtopicCut === undefined
      ? {}
      : { subtopics: documentSubtopics(split.documents, topics, model.subtopicCut) }),
  })
}

/** The part of a split whose documents belong to `topics`. */
export function subsetSplit(split: Split, topics: ReadonlySet<number>): Split {
  const keep = (document: string) => topics.has(split.topicOf.get(document)!)
  const mentions = split.mentions.filter((m) => keep(m.document))
  const ids = new Set(mentions.map((m) => m.id))
  return {
    mentions,
    key: split.key.map((c) => c.filter((id) => ids.has(id))).filter((c) => c.length > 0),
    chainOf: new Map([...split.chainOf].filter(([id]) => ids.has(id))),
    documents: split.documents.filter((d) => keep(d.id)),
    topicOf: new Map([...split.topicOf].filter(([d]) => keep(d))),
  }
}

function main(): void {
  const argv = process.argv.slice(2)
  const option = (name: string, fallback: string): string => {
    const at = argv.indexOf(`--${name}`)
    return at >= 0 ? argv[at + 1]! : fallback
  }
  const started = performance.now()
  const train = loadSplit('Train')
  const dev = loadSplit('Dev')
  const model = fitPairModel(train, {
    epochs: Number(option('epochs', String(DEFAULT_FIT.epochs))),
    l2: Number(option('l2', String(DEFAULT_FIT.l2))),
    minPair: Number(option('min-pair', String(DEFAULT_FIT.minPair))),
    pairMode: option('pairs', DEFAULT_FIT.pairMode) as FitOptions['pairMode'],
    trainDocThreshold: Number(option('train-doc-threshold', String(DEFAULT_FIT.trainDocThreshold))),
  })
  const subtopicCut = model.subtopicCut!

  // 3. Thresholds on Dev.
  const devSimilarity = documentSimilarity(dev.documents)
  let best = { conll: -1, threshold: 0, documentThreshold: 0, nameWeight: 0 }
  for (const nameWeight of [0, 0.5, 1]) {
    for (const documentThreshold of [0.04, 0.06, 0.08, 0.1, 0.12]) {
      const topics = clusterDocuments(dev.documents, documentThreshold, nameWeight)
      const subtopics = documentSubtopics(dev.documents, topics, subtopicCut)
      const devCtx = pairContext(dev.mentions, model, devSimilarity, subtopics)
      const scored = scorePairs(dev.mentions, clusterIndex(topics), model, devCtx)
      const row: string[] = []
      for (let threshold = 0.2; threshold <= 0.801; threshold += 0.05) {
        const response = clusterScored(dev.mentions, scored, threshold)
        const conll = corefScores(dev.key, response).conll
        row.push(`${threshold.toFixed(2)}:${(100 * conll).toFixed(1)}`)
        if (conll > best.conll) best = { conll, threshold, documentThreshold, nameWeight }
      }
      console.log(
        `Dev, names ×${nameWeight}, document threshold ${documentThreshold}: ${row.join(' ')}`,
      )
    }
  }
  console.log(
    `Dev best CoNLL F1 ${(100 * best.conll).toFixed(1)}: document threshold ` +
      `${best.documentThreshold}, names ×${best.nameWeight}, link threshold ${best.threshold.toFixed(2)}`,
  )
  const { subtopicCut: _cut, ...fitted } = model
  const out: PairModel = {
    ...fitted,
    threshold: Math.round(best.threshold * 100) / 100,
    documentThreshold: best.documentThreshold,
    documentNameWeight: best.nameWeight,
    subtopicCut,
  }
  const path = option(
    'out',
    fileURLToPath(new URL('../models/events/pair-model.json', import.meta.url)),
  )
  mkdirSync(fileURLToPath(new URL('../models/events/', import.meta.url)), { recursive: true })
  writeFileSync(path, JSON.stringify(out, null, 1) + '\n')
  console.log(`Wrote ${path} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
}

/** Logistic regression by AdaGrad with L2; weights rounded to 4 decimals. */
function trainLogistic(
  examples: readonly { x: ReadonlyMap<string, number>; y: number }[],
  epochs: number,
  l2: number,
  initialSeed: number,
  verbose: boolean,
): Record<string, number> {
  const weights: Record<string, number> = {}
  const g2: Record<string, number> = {}
  const rate = 0.1
  let seed = initialSeed
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    let loss = 0
    for (const k of order) {
      const { x, y } = examples[k]!
      const p = pairProbability(x, weights)
      loss -= y === 1 ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12)
      const err = p - y
      for (const [name, value] of x) {
        const w = weights[name] ?? 0
        const grad = err * value + l2 * w
        g2[name] = (g2[name] ?? 0) + grad * grad
        weights[name] = w - (rate * grad) / Math.sqrt(g2[name]! + 1e-8)
      }
    }
    if (verbose && epoch === epochs - 1) {
      console.log(
        `  ${examples.length} examples, final mean log loss ${(loss / examples.length).toFixed(4)}`,
      )
    }
  }
  const rounded: Record<string, number> = {}
  for (const name of Object.keys(weights).sort()) {
    rounded[name] = Math.round(weights[name]! * 10000) / 10000
  }
  return rounded
}

function clusterScored(
  mentions: readonly ScoredMention[],
  scored: { list: number[]; link: Float64Array[] }[],
  threshold: number,
): string[][] {
  const out: string[][] = []
  for (const { list, link } of scored) {
    for (const c of averageLink(
      link.map((r) => Float64Array.from(r)),
      threshold,
    )) {
      out.push(c.map((k) => mentions[list[k]!]!.id))
    }
  }
  return out
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main()
