/**
 * @module
 * Near-duplicates and syndication: MinHash over word 5-gram shingles with LSH banding, verified by
 * exact shingle overlap. Finds whole documents that copy one another and long passages one
 * document takes from another (a social post quoting a wire story's first paragraph).
 *
 * Each document is cut into overlapping windows of words; each window gets a MinHash signature
 * (128 hashed seeds, typed arrays), and the document's signature is the element-wise minimum of
 * its windows' (the same as hashing the whole document). Both go into LSH band tables: documents
 * that share a band are candidates for a whole-document copy, windows that share a band are
 * candidates for a copied passage. Candidates are then checked against the exact sets of shingle
 * hashes, so LSH only decides what is compared, never what is reported.
 */

import { unionFind, type UnionFind } from './union-find.js'

/** Words per shingle. */
export const SHINGLE_WORDS = 5
/** Hash functions per signature. */
export const PERMUTATIONS = 128
/** LSH bands × rows = PERMUTATIONS; 32 × 4 finds pairs above Jaccard ≈ 0.42 with high probability. */
const BANDS = 32
const ROWS = PERMUTATIONS / BANDS
/** Shingles per block; a passage window is two adjacent blocks (about 50 words, step 25). */
const WINDOW_STEP = 25

export interface DedupOptions {
  /**
   * A document is a copy of another when this share of the smaller one's shingles occurs in the
   * larger one.
   */
  readonly copyContainment?: number
  /** Shared shingles that make a long copied passage (30 shingles ≈ 34 running words). */
  readonly passageShingles?: number
  /** Documents with fewer shingles than this are never called copies (too short to tell). */
  readonly minShingles?: number
}

const DEFAULTS: Required<DedupOptions> = {
  copyContainment: 0.5,
  passageShingles: 30,
  minShingles: 8,
}

export interface DedupInput {
  readonly id: string
  readonly text: string
  /** ISO date; decides which document of a pair is the earlier one. */
  readonly publishedAt?: string | null
}

export type DuplicateKind = 'copy' | 'passage'

export interface DuplicateLink {
  /** The earlier document (by publication date, then by id). */
  readonly original: string
  /** The later document, which copies from `original`. */
  readonly copy: string
  /** `copy`: most of the smaller document is in the other; `passage`: a long passage is shared. */
  readonly kind: DuplicateKind
  /** Shared shingles / shingles of the smaller document. */
  readonly containment: number
  /** Shared shingles / shingles of either. */
  readonly jaccard: number
  readonly sharedShingles: number
}

export interface Fingerprint {
  readonly id: string
  readonly time: number | null
  /** Sorted, unique shingle hashes. */
  readonly shingles: Uint32Array
  /** PERMUTATIONS values. */
  readonly signature: Uint32Array
  /** PERMUTATIONS values per window, windows one after another. */
  readonly windows: Uint32Array
}

const SEEDS = (() => {
  const seeds = new Uint32Array(PERMUTATIONS)
  let x = 0x9e3779b9
  for (let i = 0; i < PERMUTATIONS; i++) {
    x = fmix32((x + 0x6d2b79f5) >>> 0)
    seeds[i] = x
  }
  return seeds
})()

/** MurmurHash3's finalizer: a fast, well-mixed 32-bit hash of a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over the UTF-16 code units of a word. */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

const WORD = /[\p{L}\p{N}]+/gu

/** Hashes of the lower-cased words of a text. */
export function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase()
  const out: number[] = []
  for (const match of lower.matchAll(WORD)) {
    out.push(wordHash(lower, match.index, match.index + match[0].length))
  }
  return Uint32Array.from(out)
}

/** One hash per run of SHINGLE_WORDS words (a text shorter than that is one shingle). */
export function shingleHashes(words: Uint32Array): Uint32Array {
  const count = words.length === 0 ? 0 : Math.max(1, words.length - SHINGLE_WORDS + 1)
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    let h = 0x2545f491
    const end = Math.min(words.length, i + SHINGLE_WORDS)
    for (let j = i; j < end; j++) h = fmix32((Math.imul(h, 31) + words[j]!) >>> 0)
    out[i] = h
  }
  return out
}

function signatureInto(
  shingles: Uint32Array,
  from: number,
  to: number,
  out: Uint32Array,
  at: number,
): void {
  out.fill(0xffffffff, at, at + PERMUTATIONS)
  for (let s = from; s < to; s++) {
    const x = shingles[s]!
    for (let k = 0; k < PERMUTATIONS; k++) {
      const h = fmix32((x ^ SEEDS[k]!) >>> 0)
      if (h < out[at + k]!) out[at + k] = h
    }
  }
}

/** The MinHash signature of a set of shingle hashes. */
export function minhash(shingles: Uint32Array): Uint32Array {
  const out = new Uint32Array(PERMUTATIONS)
  signatureInto(shingles, 0, shingles.length, out, 0)
  return out
}

/** Shingles, document signature and window signatures of one text. */
export function fingerprint(input: DedupInput): Fingerprint {
  const ordered = shingleHashes(wordHashes(input.text))
  // Each shingle is hashed once, into a block of WINDOW_STEP shingles; a window is two adjacent
  // blocks (the element-wise minimum), so windows overlap by half at no extra hashing.
  const blockCount = Math.max(1, Math.ceil(ordered.length / WINDOW_STEP))
  const blocks = new Uint32Array(blockCount * PERMUTATIONS)
  for (let b = 0; b < blockCount; b++) {
    signatureInto(
      ordered,
      b * WINDOW_STEP,
      Math.min(ordered.length, (b + 1) * WINDOW_STEP),
      blocks,
      b * PERMUTATIONS,
    )
  }
  const windowCount = Math.max(1, blockCount - 1)
  const windows = new Uint32Array(windowCount * PERMUTATIONS)
  for (let w = 0; w < windowCount; w++) {
    for (let k = 0; k < PERMUTATIONS; k++) {
      const a = blocks[w * PERMUTATIONS + k]!
      const b = w + 1 < blockCount ? blocks[(w + 1) * PERMUTATIONS + k]! : a
      windows[w * PERMUTATIONS + k] = a < b ? a : b
    }
  }
  const signature = new Uint32Array(PERMUTATIONS).fill(0xffffffff)
  for (let b = 0; b < blockCount; b++) {
    for (let k = 0; k < PERMUTATIONS; k++) {
      const v = blocks[b * PERMUTATIONS + k]!
      if (v < signature[k]!) signature[k] = v
    }
  }
  const shingles = uniqueSorted(ordered)
  return {
    id: input.id,
    time: parseTime(input.publishedAt ?? null),
    shingles,
    signature,
    windows,
  }
}

function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!
  }
  return sorted.slice(0, n)
}

function parseTime(publishedAt: string | null): number | null {
  if (publishedAt === null) return null
  const t = Date.parse(publishedAt)
  return Number.isNaN(t) ? null : t
}

/** Number of values two sorted unique arrays share. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      n++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return n
}

/** Estimated Jaccard similarity of two signatures (share of equal slots). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let k = 0; k < PERMUTATIONS; k++) if (a[k] === b[k]) same++
  return same / PERMUTATIONS
}

/** A number below 2^53: which table (0 documents, 1 windows), the band, and the rows' hash. */
function bandKey(sig: Uint32Array, at: number, band: number, table: number): number {
  let h = band
  for (let r = 0; r < ROWS; r++) h = fmix32((Math.imul(h, 31) + sig[at + band * ROWS + r]!) >>> 0)
  return (table * BANDS + band) * 0x100000000 + h
}

/**
 * An LSH index over fingerprints: add documents one at a time and ask which earlier ones a new
 * document may copy from or be copied by. Adding and querying touch only the buckets of the new
 * document, so it works incrementally.
 */
export class DuplicateIndex {
  readonly #options: Required<DedupOptions>
  readonly #prints: Fingerprint[] = []
  readonly #buckets = new Map<number, number[]>()
  /** Copy groups so far, by index; only kept with `oncePerGroup`. */
  readonly #groups: UnionFind | null

  /**
   * With `oncePerGroup`, a new document is checked against the candidates of each copy group,
   * earliest first, until one is a copy; it then joins the group, and is linked to it once (with
   * at most one passage link besides): enough to know the groups, and linear where a story holds
   * hundreds of copies of one wire text (every pair would be quadratic). Without it (the default)
   * every candidate pair is checked and reported.
   */
  constructor(options: DedupOptions = {}, { oncePerGroup = false } = {}) {
    this.#options = { ...DEFAULTS, ...options }
    this.#groups = oncePerGroup ? unionFind() : null
  }

  get size(): number {
    return this.#prints.length
  }

  /** Add a document; returns its links to the documents already in the index. */
  add(input: DedupInput | Fingerprint): DuplicateLink[] {
    const print = 'signature' in input ? input : fingerprint(input)
    const index = this.#prints.length
    const candidates = new Set<number>()
    const keys = new Set<number>()
    for (let b = 0; b < BANDS; b++) keys.add(bandKey(print.signature, 0, b, 0))
    const windowCount = print.windows.length / PERMUTATIONS
    for (let w = 0; w < windowCount; w++) {
      for (let b = 0; b < BANDS; b++) keys.add(bandKey(print.windows, w * PERMUTATIONS, b, 1))
    }
    for (const key of keys) {
      const bucket = this.#buckets.get(key)
      if (bucket === undefined) this.#buckets.set(key, [index])
      else {
        if (this.#groups !== null) this.#keepEarliestPerGroup(bucket, this.#groups)
        for (const other of bucket) candidates.add(other)
        bucket.push(index)
      }
    }
    this.#prints.push(print)
    const groups = this.#groups
    if (groups === null) return this.#links(print, candidates)
    groups.add()
    // Groups this document shares a passage with: one passage link each. A passage does not stop
    // the search in its group, where a later member may be the text it copies whole.
    const passages = new Set<number>()
    const links: DuplicateLink[] = []
    for (const other of [...candidates].sort((a, b) => a - b)) {
      const group = groups.find(other)
      if (group === groups.find(index)) continue
      const link = this.#verify(this.#prints[other]!, print)
      if (link === null) continue
      if (link.kind === 'copy') {
        links.push(link)
        groups.union(group, index)
      } else if (!passages.has(group)) {
        links.push(link)
        passages.add(group)
      }
    }
    return links
  }

  /**
   * Drops from a bucket every member but the earliest of each copy group, so a bucket of one wire
   * text's copies stays one long. A later member stays a candidate through the buckets its
   * earliest fellow is not in (the text it adds to the group's).
   */
  #keepEarliestPerGroup(bucket: number[], groups: UnionFind): void {
    const seen = new Set<number>()
    let kept = 0
    for (const member of bucket) {
      const group = groups.find(member)
      if (seen.has(group)) continue
      seen.add(group)
      bucket[kept++] = member
    }
    bucket.length = kept
  }

  #links(print: Fingerprint, candidates: Iterable<number>): DuplicateLink[] {
    const links: DuplicateLink[] = []
    for (const other of candidates) {
      const link = this.#verify(this.#prints[other]!, print)
      if (link !== null) links.push(link)
    }
    return links
  }

  #verify(a: Fingerprint, b: Fingerprint): DuplicateLink | null {
    const shared = intersectionSize(a.shingles, b.shingles)
    const smaller = Math.min(a.shingles.length, b.shingles.length)
    if (smaller === 0 || shared === 0) return null
    const containment = shared / smaller
    const jaccard = shared / (a.shingles.length + b.shingles.length - shared)
    const { copyContainment, passageShingles, minShingles } = this.#options
    let kind: DuplicateKind | null = null
    if (containment >= copyContainment && smaller >= minShingles) kind = 'copy'
    else if (shared >= passageShingles) kind = 'passage'
    if (kind === null) return null
    const [original, copy] = earlierFirst(a, b)
    return {
      original: original.id,
      copy: copy.id,
      kind,
      containment,
      jaccard,
      sharedShingles: shared,
    }
  }
}

function earlierFirst(a: Fingerprint, b: Fingerprint): [Fingerprint, Fingerprint] {
  if (a.time !== null && b.time !== null && a.time !== b.time)
    return a.time < b.time ? [a, b] : [b, a]
  if (a.time !== null && b.time === null) return [a, b]
  if (b.time !== null && a.time === null) return [b, a]
  return a.id < b.id ? [a, b] : [b, a]
}

/**
 * The copies and long shared passages among the documents: each document linked once to each
 * copy group it copies or shares a passage with, at the group's earliest document when `inputs`
 * come earliest first (see `DuplicateIndex`'s `oncePerGroup`).
 */
export function findDuplicates(
  inputs: readonly DedupInput[],
  options: DedupOptions = {},
): DuplicateLink[] {
  const index = new DuplicateIndex(options, { oncePerGroup: true })
  const links = inputs.flatMap((input) => index.add(input))
  return links.sort((a, b) => a.original.localeCompare(b.original) || a.copy.localeCompare(b.copy))
}

export interface CopyGroup {
  /** The earliest known document of the group. */
  readonly earliest: string
  /** Every member, the earliest first. */
  readonly members: readonly string[]
}

/**
 * Groups of documents that are copies of one another (by `copy` links, transitively), each with its
 * earliest known document. Documents without copies are not listed.
 */
export function copyGroups(
  inputs: readonly DedupInput[],
  links: readonly DuplicateLink[],
): CopyGroup[] {
  const order = new Map<string, number>()
  const sorted = [...inputs].sort((a, b) => {
    const ta = parseTime(a.publishedAt ?? null)
    const tb = parseTime(b.publishedAt ?? null)
    if (ta !== null && tb !== null && ta !== tb) return ta - tb
    if (ta === null && tb !== null) return 1
    if (tb === null && ta !== null) return -1
    return a.id.localeCompare(b.id)
  })
  sorted.forEach((input, i) => order.set(input.id, i))
  // Union keeps the smaller index: each group is named by its earliest document.
  const groups = unionFind(sorted.length)
  for (const link of links) {
    const a = order.get(link.original)
    const b = order.get(link.copy)
    if (link.kind === 'copy' && a !== undefined && b !== undefined) groups.union(a, b)
  }
  return [...groups.groups().values()]
    .filter((m) => m.length > 1)
    .map((members) => members.map((i) => sorted[i]!.id))
    .map((members) => ({ earliest: members[0]!, members }))
}
