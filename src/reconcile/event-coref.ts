/**
 * @module
 * Cross-document event coreference over event mentions: documents are first clustered by the
 * words they share (tf-idf cosine, average link), then inside each document cluster mentions with
 * one lemma corefer unless their arguments say otherwise (different times or places), and
 * mentions with different lemmas join when they share enough arguments. The same-lemma baseline
 * is the first step alone. No neural model; everything is counts and sets.
 */

import type { DocumentSubtopics } from './event-coref-subtopics.js'

export interface CorefDocument {
  readonly id: string
  /** Term counts of the document's content words. */
  readonly terms: ReadonlyMap<string, number>
  /** Counts of capitalised words (names, weekdays), lower-cased: used with a `nameWeight`. */
  readonly names?: ReadonlyMap<string, number>
  /** Counts of numbers ("7.1", "2008"): used with a `numberWeight`. */
  readonly numbers?: ReadonlyMap<string, number>
}

/**
 * Tf-idf cosine of every pair of documents (log term frequency, log IDF over `docs`): the
 * weighted mean of the cosines of the content words (weight 1), the names (`nameWeight`) and the
 * numbers (`numberWeight`).
 */
export function documentSimilarityMatrix(
  docs: readonly CorefDocument[],
  nameWeight = 0,
  numberWeight = 0,
): Float64Array[] {
  const sim = termSimilarity(docs.map((d) => d.terms))
  const empty = new Map<string, number>()
  for (const [weight, bag] of [
    [nameWeight, (d: CorefDocument) => d.names ?? empty],
    [numberWeight, (d: CorefDocument) => d.numbers ?? empty],
  ] as const) {
    if (weight <= 0) continue
    const other = termSimilarity(docs.map(bag))
    sim.forEach((row, i) => row.forEach((x, j) => (row[j] = x + weight * other[i]![j]!)))
  }
  const total = 1 + nameWeight + numberWeight
  for (const row of sim) row.forEach((x, j) => (row[j] = x / total))
  return sim
}

function termSimilarity(bags: readonly ReadonlyMap<string, number>[]): Float64Array[] {
  const docs = bags
  const df = new Map<string, number>()
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const vectors = docs.map((d) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [t, n] of d) {
      const w = (1 + Math.log(n)) * Math.log(docs.length / df.get(t)!)
      if (w <= 0) continue
      v.set(t, w)
      norm += w * w
    }
    norm = Math.sqrt(norm) || 1
    for (const [t, w] of v) v.set(t, w / norm)
    return v
  })
  const n = docs.length
  const sim = Array.from({ length: n }, () => new Float64Array(n))
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [a, b] =
        vectors[i]!.size < vectors[j]!.size
          ? [vectors[i]!, vectors[j]!]
          : [vectors[j]!, vectors[i]!]
      let dot = 0
      for (const [t, w] of a) dot += w * (b.get(t) ?? 0)
      sim[i]![j] = dot
      sim[j]![i] = dot
    }
  }
  return sim
}

/** Tf-idf cosine of the content words of two documents by id, over `docs` (0: unknown id). */
export function documentSimilarity(
  docs: readonly CorefDocument[],
): (a: string, b: string) => number {
  const sim = documentSimilarityMatrix(docs)
  const index = new Map(docs.map((d, i) => [d.id, i]))
  return (a, b) => {
    const i = index.get(a)
    const j = index.get(b)
    return i === undefined || j === undefined ? 0 : sim[i]![j]!
  }
}

/**
 * Agglomerative clustering of documents by tf-idf cosine with average link: merge the two most
 * similar clusters while their similarity is at least `threshold`. Returns lists of document ids.
 * With a `nameWeight`, the similarity is (content-word cosine + nameWeight × name cosine) /
 * (1 + nameWeight).
 */
export function clusterDocuments(
  docs: readonly CorefDocument[],
  threshold: number,
  nameWeight = 0,
): string[][] {
  const sim = documentSimilarityMatrix(docs, nameWeight)
  return averageLink(
    sim.map((row) => Float64Array.from(row)),
    threshold,
  ).map((members) => members.map((i) => docs[i]!.id))
}

export interface CorefMention {
  readonly id: string
  readonly document: string
  readonly lemma: string
  /** Names and numbers of the mention's sentence (lower-cased): its likely arguments. */
  readonly args: readonly string[]
  /** Time expressions of the sentence (weekdays, months, years, "yesterday"). */
  readonly times: readonly string[]
}

export interface EventCorefOptions {
  /** Same-lemma mentions are kept apart when both sentences name times and none is shared. */
  readonly splitOnTime: boolean
  /** Mentions with different lemmas join when their argument Jaccard reaches this (∞: never). */
  readonly argJoin: number
  /** Fewest shared arguments for a cross-lemma join. */
  readonly minSharedArgs: number
  /**
   * Lemmas that share their first `stemPrefix` letters are one lemma ("nominate", "nomination");
   * 0: off.
   */
  readonly stemPrefix: number
  /**
   * Lemmas so common that sharing one says little ("say", "report"): such mentions corefer only
   * when their sentences share an argument.
   */
  readonly weakLemmas?: readonly string[]
  /** Groups of lemmas that name one kind of event ("kill", "death", "die"). */
  readonly synonyms?: readonly (readonly string[])[]
}

export const DEFAULT_EVENT_COREF: EventCorefOptions = {
  splitOnTime: true,
  argJoin: 0.5,
  minSharedArgs: 2,
  stemPrefix: 0,
}

/** The lemma a mention is grouped by: a synonym group's first word, or a stem prefix. */
function lemmaKey(
  lemma: string,
  options: EventCorefOptions,
  synonyms: ReadonlyMap<string, string>,
) {
  const synonym = synonyms.get(lemma)
  if (synonym !== undefined) return synonym
  return options.stemPrefix > 0 && lemma.length >= options.stemPrefix
    ? lemma.slice(0, options.stemPrefix)
    : lemma
}

/** Same lemma within a document cluster: the standard baseline. */
export function sameLemma(
  mentions: readonly CorefMention[],
  clusterOfDocument: ReadonlyMap<string, number>,
): string[][] {
  const groups = new Map<string, string[]>()
  for (const m of mentions) {
    const key = `${clusterOfDocument.get(m.document) ?? m.document}\u0000${m.lemma}`
    const list = groups.get(key) ?? []
    list.push(m.id)
    groups.set(key, list)
  }
  return [...groups.values()]
}

/** The method: same lemma with argument checks, plus cross-lemma joins on shared arguments. */
export function eventCoreference(
  mentions: readonly CorefMention[],
  clusterOfDocument: ReadonlyMap<string, number>,
  options: EventCorefOptions = DEFAULT_EVENT_COREF,
): string[][] {
  const parent = mentions.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b)
  }
  const byCluster = new Map<number | string, number[]>()
  mentions.forEach((m, i) => {
    const c = clusterOfDocument.get(m.document) ?? m.document
    const list = byCluster.get(c) ?? []
    list.push(i)
    byCluster.set(c, list)
  })
  const synonyms = new Map<string, string>()
  for (const group of options.synonyms ?? []) for (const w of group) synonyms.set(w, group[0]!)
  const lemmas = mentions.map((m) => lemmaKey(m.lemma, options, synonyms))
  const argSets = mentions.map((m) => new Set(m.args))
  const weak = new Set(options.weakLemmas ?? [])
  const timeSets = mentions.map((m) => new Set(m.times))
  for (const list of byCluster.values()) {
    // Same lemma: join by lemma, but keep apart mentions whose sentences name different times.
    const byLemma = new Map<string, number[]>()
    for (const i of list) {
      const l = byLemma.get(lemmas[i]!) ?? []
      l.push(i)
      byLemma.set(lemmas[i]!, l)
    }
    for (const group of byLemma.values()) {
      for (let x = 0; x < group.length; x++) {
        for (let y = x + 1; y < group.length; y++) {
          const a = group[x]!
          const b = group[y]!
          if (options.splitOnTime && timesDisagree(timeSets[a]!, timeSets[b]!)) continue
          if (weak.has(mentions[a]!.lemma) && intersection(argSets[a]!, argSets[b]!) === 0) continue
          union(a, b)
        }
      }
    }
    if (!Number.isFinite(options.argJoin)) continue
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x]!
        const b = list[y]!
        if (lemmas[a] === lemmas[b] || mentions[a]!.document === mentions[b]!.document) {
          continue
        }
        const shared = intersection(argSets[a]!, argSets[b]!)
        if (shared < options.minSharedArgs) continue
        const jaccard = shared / (argSets[a]!.size + argSets[b]!.size - shared)
        if (jaccard >= options.argJoin && !timesDisagree(timeSets[a]!, timeSets[b]!)) union(a, b)
      }
    }
  }
  const groups = new Map<number, string[]>()
  mentions.forEach((m, i) => {
    const root = find(i)
    const list = groups.get(root) ?? []
    list.push(m.id)
    groups.set(root, list)
  })
  return [...groups.values()]
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

function timesDisagree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && intersection(a, b) === 0
}

// ---------------------------------------------------------------------------------------------
// Learned pairwise scorer (models/events/pair-model.json, made by `npm run train:events`).

/** What the pairwise scorer reads of a mention beyond {@link CorefMention}. */
export interface ScoredMention extends CorefMention {
  /** The mention's words, lower-cased ("opened fire"). */
  readonly trigger: string
  /** Whether the head word is a verb. */
  readonly verb: boolean
  /** Sentence number in its document (0: the first). */
  readonly sentence: number
  /** Content words of the sentence (lower-cased, mention excluded). */
  readonly context: readonly string[]
  /** Content words within a few words of the mention. */
  readonly window: readonly string[]
  /** The nearest content words before and after the mention. */
  readonly neighbours?: readonly string[]
  /** Years and dates ("march 3") the mention's document names. */
  readonly documentTimes?: readonly string[]
}

/** A logistic pair scorer: named features, their weights, and how to cluster with it. */
export interface PairModel {
  readonly version: 1
  /** Feature name → weight; the bias is the feature "bias". */
  readonly weights: Readonly<Record<string, number>>
  /** "lemma|lemma" (sorted) → smoothed log-odds that two mentions with these lemmas corefer. */
  readonly lemmaPairs: Readonly<Record<string, number>>
  /** Merge while the average link probability is at least this. */
  readonly threshold: number
  /** Document-clustering threshold of {@link clusterDocuments}. */
  readonly documentThreshold: number
  /** Weight of the name cosine in the document similarity (see {@link clusterDocuments}). */
  readonly documentNameWeight?: number
  /**
   * Largest normalised cut at which a document cluster is split in two subtopics for the
   * subtopic features (`documentSubtopics` of event-coref-subtopics.ts); absent: no such feature.
   */
  readonly subtopicCut?: number
  readonly synonyms: readonly (readonly string[])[]
  readonly weakLemmas: readonly string[]
}

/** What features of one pool of mentions share: IDF of context words, synonym groups. */
export interface PairContext {
  readonly idf: ReadonlyMap<string, number>
  readonly synonyms: ReadonlyMap<string, string>
  readonly weak: ReadonlySet<string>
  /** Log-odds prior of a lemma pair (undefined: unseen). */
  readonly prior: (a: string, b: string) => number | undefined
  readonly documentSimilarity: (a: string, b: string) => number
  /** Predicted subtopics of the documents; absent: no subtopic feature. */
  readonly subtopics?: DocumentSubtopics
}

const trigrams = (word: string): Set<string> => {
  const w = `#${word}#`
  const out = new Set<string>()
  for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3))
  return out
}

function weightedCosine(
  a: readonly string[],
  b: readonly string[],
  idf: ReadonlyMap<string, number>,
): number {
  const sa = new Set(a)
  const sb = new Set(b)
  let dot = 0
  let na = 0
  let nb = 0
  for (const w of sa) {
    const x = idf.get(w) ?? 0
    na += x * x
    if (sb.has(w)) dot += x * x
  }
  for (const w of sb) {
    const x = idf.get(w) ?? 0
    nb += x * x
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

/** Lemmas that differ only by an ending or a typo ("fall", "fallen"; "arest", "arrest"). */
function nearLemma(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a]
  if (s.length >= 4 && l.length - s.length <= 2 && l.startsWith(s)) return true
  if (s.length < 5 || l.length - s.length > 1) return false
  let i = 0
  while (i < s.length && s[i] === l[i]) i++
  // One letter inserted or changed at i.
  return (
    s.slice(i) === l.slice(i + 1) || (s.length === l.length && s.slice(i + 1) === l.slice(i + 1))
  )
}

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ments', 'ment', 'ed', 'es', 's']

/**
 * Candidate stems of a word by English inflection and derivation: the word itself and the word
 * without one ending ("-ing", "-ion", "-ment", "-ed", "-s"), also with a doubled last
 * consonant undone ("robbing" → "rob") and with a silent "e" put back ("firing" → "fire").
 */
export function stemsOf(word: string): Set<string> {
  const out = new Set([word])
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue
    const stem = word.slice(0, -suffix.length)
    out.add(stem)
    out.add(`${stem}e`)
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.add(stem.slice(0, -1))
  }
  return out
}

/** Whether two lemmas share a stem ("kill", "killing"; "arrest", "arrests"; "fire", "firing"). */
export function shareStem(a: string, b: string): boolean {
  const sb = stemsOf(b)
  for (const x of stemsOf(a)) if (x.length >= 3 && sb.has(x)) return true
  return false
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** IDF of context words over a pool of mentions (one count per sentence). */
export function contextIdf(mentions: readonly ScoredMention[]): Map<string, number> {
  const df = new Map<string, number>()
  const seen = new Set<string>()
  let n = 0
  for (const m of mentions) {
    const key = `${m.document}|${m.sentence}`
    if (seen.has(key)) continue
    seen.add(key)
    n++
    for (const w of new Set(m.context)) df.set(w, (df.get(w) ?? 0) + 1)
  }
  const idf = new Map<string, number>()
  for (const [w, d] of df) idf.set(w, Math.log((n + 1) / (d + 0.5)))
  return idf
}

const bin = (x: number, edges: readonly number[]): number => {
  let i = 0
  while (i < edges.length && x >= edges[i]!) i++
  return i
}

/** The features of a pair of mentions, as name → value (absent: 0). */
export function pairFeatures(
  a: ScoredMention,
  b: ScoredMention,
  ctx: PairContext,
): Map<string, number> {
  const f = new Map<string, number>()
  f.set('bias', 1)
  const la = a.lemma
  const lb = b.lemma
  const same = la === lb || nearLemma(la, lb) || shareStem(la, lb)
  const synonym = !same && (ctx.synonyms.get(la) ?? la) === (ctx.synonyms.get(lb) ?? lb)
  const prefix = !same && la.length >= 5 && lb.length >= 5 && la.slice(0, 5) === lb.slice(0, 5)
  const lex = same ? 'same' : synonym ? 'syn' : prefix ? 'prefix' : 'diff'
  f.set(`lex=${lex}`, 1)
  if (a.trigger === b.trigger) f.set('sameTrigger', 1)
  const ta = trigrams(la)
  const tb = trigrams(lb)
  const sharedTri = intersection(ta, tb)
  const tri = sharedTri / (ta.size + tb.size - sharedTri)
  f.set('trigramJ', tri)
  const prior = ctx.prior(la, lb)
  if (prior !== undefined) {
    f.set('prior', prior)
    f.set(`prior*${lex}`, prior)
  } else f.set(`noPrior*${lex}`, 1)
  if (ctx.weak.has(la) || ctx.weak.has(lb)) f.set(`weak*${lex}`, 1)
  const pos = a.verb && b.verb ? 'VV' : !a.verb && !b.verb ? 'NN' : 'VN'
  f.set(`pos=${pos}*${lex}`, 1)

  const sameDoc = a.document === b.document
  if (sameDoc) {
    f.set(`sameDoc*${lex}`, 1)
    if (a.sentence === b.sentence) f.set('sameSentence', 1)
  }
  if (a.sentence <= 1 && b.sentence <= 1) f.set(`lead*${lex}`, 1)

  const argsA = new Set(a.args)
  const argsB = new Set(b.args)
  const sharedArgs = intersection(argsA, argsB)
  const argJ = sharedArgs === 0 ? 0 : sharedArgs / (argsA.size + argsB.size - sharedArgs)
  f.set(`args=${Math.min(sharedArgs, 3)}*${lex === 'same' ? 'same' : 'other'}`, 1)
  f.set(`argJ*${lex === 'same' ? 'same' : 'other'}`, argJ)
  // Names near the trigger and numbers of the sentences: both given and none shared is a conflict.
  for (const [kind, pick] of [
    ['near', (m: ScoredMention) => m.args.filter((w) => m.window.includes(w))],
    ['num', (m: ScoredMention) => m.args.filter((w) => /^\d/.test(w))],
  ] as const) {
    const xa = new Set(pick(a))
    const xb = new Set(pick(b))
    if (xa.size > 0 && xb.size > 0) {
      const l = lex === 'same' ? 'same' : 'other'
      f.set(intersection(xa, xb) > 0 ? `${kind}Shared*${l}` : `${kind}Differ*${l}`, 1)
    }
  }
  const timesA = new Set(a.times)
  const timesB = new Set(b.times)
  if (timesA.size > 0 && timesB.size > 0) {
    f.set(intersection(timesA, timesB) > 0 ? 'timesShared' : `timesDiffer*${lex === 'same'}`, 1)
  }
  const sent = weightedCosine(a.context, b.context, ctx.idf)
  f.set(`sent*${lex === 'same' ? 'same' : 'other'}`, sent)
  f.set(`sentBin=${bin(sent, [0.05, 0.1, 0.2, 0.3, 0.5])}*${lex === 'same' ? 'same' : 'other'}`, 1)
  const win = weightedCosine(a.window, b.window, ctx.idf)
  f.set(`window*${lex === 'same' ? 'same' : 'other'}`, win)
  if (a.neighbours !== undefined && b.neighbours !== undefined) {
    const shared = intersection(new Set(a.neighbours), new Set(b.neighbours))
    f.set(`neighbours=${Math.min(shared, 2)}*${lex === 'same' ? 'same' : 'other'}`, 1)
  }
  if (!sameDoc && a.documentTimes !== undefined && b.documentTimes !== undefined) {
    const ta = new Set(a.documentTimes)
    const tb = new Set(b.documentTimes)
    const l = lex === 'same' ? 'same' : 'other'
    if (ta.size > 0 && tb.size > 0) {
      f.set(intersection(ta, tb) > 0 ? `docTimesShared*${l}` : `docTimesDiffer*${l}`, 1)
    }
  }
  if (!sameDoc) {
    const doc = ctx.documentSimilarity(a.document, b.document)
    f.set('doc', doc)
    f.set(`docBin=${bin(doc, [0.1, 0.2, 0.3, 0.4])}`, 1)
  }
  if (!sameDoc && ctx.subtopics !== undefined) {
    const l = lex === 'same' ? 'same' : 'other'
    const { subtopicOf, localSimilarity } = ctx.subtopics
    const split = subtopicOf(a.document) !== subtopicOf(b.document)
    f.set(`subtopic=${split ? 'split' : 'same'}*${l}`, 1)
    const local = localSimilarity(a.document, b.document)
    f.set(`localDocBin=${bin(local, [0.02, 0.05, 0.1, 0.2])}*${l}`, 1)
  }
  return f
}

export function pairContext(
  mentions: readonly ScoredMention[],
  model: Pick<PairModel, 'lemmaPairs' | 'synonyms' | 'weakLemmas'>,
  documentSimilarity: (a: string, b: string) => number = () => 0,
  subtopics?: DocumentSubtopics,
): PairContext {
  const synonyms = new Map<string, string>()
  for (const group of model.synonyms) for (const w of group) synonyms.set(w, group[0]!)
  return {
    idf: contextIdf(mentions),
    synonyms,
    weak: new Set(model.weakLemmas),
    prior: (a, b) => model.lemmaPairs[pairKey(a, b)],
    documentSimilarity,
    ...(subtopics === undefined ? {} : { subtopics }),
  }
}

export function pairProbability(
  features: ReadonlyMap<string, number>,
  weights: Readonly<Record<string, number>>,
): number {
  let z = 0
  for (const [name, value] of features) z += (weights[name] ?? 0) * value
  return 1 / (1 + Math.exp(-z))
}

/**
 * Average-link agglomerative clustering of mentions inside each document cluster by the pair
 * model's probabilities: merge the two closest clusters while their mean link is at least the
 * threshold.
 */
export function scoredCoreference(
  mentions: readonly ScoredMention[],
  clusterOfDocument: ReadonlyMap<string, number>,
  model: PairModel,
  options: {
    threshold?: number
    documentSimilarity?: (a: string, b: string) => number
    subtopics?: DocumentSubtopics
  } = {},
): string[][] {
  const threshold = options.threshold ?? model.threshold
  const ctx = pairContext(mentions, model, options.documentSimilarity, options.subtopics)
  const out: string[][] = []
  for (const { list, link } of scorePairs(mentions, clusterOfDocument, model, ctx)) {
    for (const cluster of averageLink(link, threshold)) {
      out.push(cluster.map((k) => mentions[list[k]!]!.id))
    }
  }
  return out
}

/**
 * The model's probability for every pair of mentions within one document cluster, grouped by
 * cluster: `list` holds the mentions' indexes, `link[x][y]` the probability of `list[x]` and
 * `list[y]` (training scores these once and clusters them at many thresholds).
 */
export function scorePairs(
  mentions: readonly ScoredMention[],
  clusterOfDocument: ReadonlyMap<string, number>,
  model: PairModel,
  ctx: PairContext,
): { list: number[]; link: Float64Array[] }[] {
  const groups = new Map<number | string, number[]>()
  mentions.forEach((m, i) => {
    const c = clusterOfDocument.get(m.document) ?? m.document
    const list = groups.get(c) ?? []
    list.push(i)
    groups.set(c, list)
  })
  return [...groups.values()].map((list) => {
    const n = list.length
    const link = Array.from({ length: n }, () => new Float64Array(n))
    for (let x = 0; x < n; x++) {
      for (let y = x + 1; y < n; y++) {
        const p = pairProbability(
          pairFeatures(mentions[list[x]!]!, mentions[list[y]!]!, ctx),
          model.weights,
        )
        link[x]![y] = p
        link[y]![x] = p
      }
    }
    return { list, link }
  })
}

/** Average-link agglomerative clustering over a symmetric similarity matrix (modified in place). */
export function averageLink(link: Float64Array[], threshold: number): number[][] {
  const n = link.length
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i])
  for (;;) {
    let best = -Infinity
    let bi = -1
    let bj = -1
    for (let i = 0; i < n; i++) {
      if (members[i] === null) continue
      const row = link[i]!
      const si = members[i]!.length
      for (let j = i + 1; j < n; j++) {
        if (members[j] === null) continue
        const avg = row[j]! / (si * members[j]!.length)
        if (avg > best) {
          best = avg
          bi = i
          bj = j
        }
      }
    }
    if (bi === -1 || best < threshold) break
    members[bi] = [...members[bi]!, ...members[bj]!]
    members[bj] = null
    for (let k = 0; k < n; k++) {
      link[bi]![k] = link[bi]![k]! + link[bj]![k]!
      link[k]![bi] = link[bi]![k]!
    }
  }
  return members.filter((m): m is number[] => m !== null)
}
