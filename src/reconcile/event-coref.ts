/**
 * @module
 * Cross-document event coreference over event mentions: documents are first clustered by the
 * words they share (tf-idf cosine, average link), then inside each document cluster mentions with
 * one lemma corefer unless their arguments say otherwise (different times or places), and
 * mentions with different lemmas join when they share enough arguments. The same-lemma baseline
 * is the first step alone. No neural model; everything is counts and sets.
 */

export interface CorefDocument {
  readonly id: string
  /** Term counts of the document's content words. */
  readonly terms: ReadonlyMap<string, number>
}

/**
 * Agglomerative clustering of documents by tf-idf cosine with average link: merge the two most
 * similar clusters while their similarity is at least `threshold`. Returns lists of document ids.
 */
export function clusterDocuments(docs: readonly CorefDocument[], threshold: number): string[][] {
  const df = new Map<string, number>()
  for (const d of docs) for (const t of d.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const vectors = docs.map((d) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [t, n] of d.terms) {
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
  // Average link over cluster sums: link[a][b] = Σ sim over member pairs.
  const members: (number[] | null)[] = docs.map((_, i) => [i])
  const link = sim.map((row) => Float64Array.from(row))
  for (;;) {
    let best = -1
    let bi = -1
    let bj = -1
    for (let i = 0; i < n; i++) {
      if (members[i] === null) continue
      for (let j = i + 1; j < n; j++) {
        if (members[j] === null) continue
        const avg = link[i]![j]! / (members[i]!.length * members[j]!.length)
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
  return members.filter((m): m is number[] => m !== null).map((m) => m.map((i) => docs[i]!.id))
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
