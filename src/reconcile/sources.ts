/**
 * @module
 * Independent sources: which documents of a story count as one source. Documents join one source
 * when one copies the other (MinHash near-duplicates, src/reconcile/minhash.ts), when they carry
 * the same long title (syndication, a feed item summarising its own article), or when they come
 * from the same site. Each source is named by its earliest known document.
 */
import { copyGroups, findDuplicates, type DuplicateLink } from './minhash.js'
import { unionFind } from './union-find.js'

export interface SourceInput {
  readonly id: string
  readonly text: string
  readonly title: string | null
  readonly site: string | null
  readonly publishedAt: string | null
}

export type SourceReason = 'copy' | 'title' | 'site'

export interface SourceMember {
  readonly id: string
  /** Why this document is not a source of its own (absent for the earliest document). */
  readonly reason?: SourceReason
}

export interface IndependentSource {
  /** The earliest known document of the source. */
  readonly earliest: string
  /** Every document, the earliest first. */
  readonly members: readonly SourceMember[]
}

export interface SourceAnalysis {
  /** document id → the earliest document of its source. */
  readonly sourceOf: ReadonlyMap<string, string>
  readonly sources: readonly IndependentSource[]
  /** Copy and shared-passage links found by MinHash. */
  readonly duplicates: readonly DuplicateLink[]
}

/** Titles shorter than this (in words) are too generic to tell syndication ("Live updates"). */
const MIN_TITLE_WORDS = 6

const normalizeTitle = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const normalizeSite = (site: string) =>
  site
    .toLowerCase()
    .replace(/:.*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/**
 * Group documents into independent sources.
 *
 * @example
 * const { sourceOf } = independentSources(docs)
 * const count = new Set(reports.map((r) => sourceOf.get(r.document))).size
 */
export function independentSources(inputs: readonly SourceInput[]): SourceAnalysis {
  const time = (d: SourceInput) => {
    const t = d.publishedAt === null ? NaN : Date.parse(d.publishedAt)
    return Number.isNaN(t) ? Infinity : t
  }
  const ordered = [...inputs].sort((a, b) => time(a) - time(b) || a.id.localeCompare(b.id))
  const rank = new Map(ordered.map((d, i) => [d.id, i]))
  // By rank: a union keeps the earlier document as the root.
  const groups = unionFind(ordered.length)
  const reason = new Map<number, SourceReason>()
  const join = (a: string, b: string, why: SourceReason) => {
    const ra = groups.find(rank.get(a)!)
    const rb = groups.find(rank.get(b)!)
    if (ra === rb) return
    groups.union(ra, rb)
    const joined = Math.max(ra, rb)
    if (!reason.has(joined)) reason.set(joined, why)
  }

  const duplicates = findDuplicates(ordered)
  for (const group of copyGroups(ordered, duplicates)) {
    for (const member of group.members.slice(1)) join(group.earliest, member, 'copy')
  }
  const firstBy = (key: (d: SourceInput) => string | null, why: SourceReason) => {
    const first = new Map<string, string>()
    for (const d of ordered) {
      const k = key(d)
      if (k === null || k === '') continue
      const seen = first.get(k)
      if (seen === undefined) first.set(k, d.id)
      else join(seen, d.id, why)
    }
  }
  firstBy((d) => {
    if (d.title === null) return null
    const t = normalizeTitle(d.title)
    return t.split(' ').length >= MIN_TITLE_WORDS ? t : null
  }, 'title')
  firstBy((d) => (d.site === null ? null : normalizeSite(d.site)), 'site')

  const sourceOf = new Map<string, string>()
  const members = new Map<string, SourceMember[]>()
  ordered.forEach((d, i) => {
    const root = ordered[groups.find(i)]!.id
    sourceOf.set(d.id, root)
    const list = members.get(root) ?? []
    // A document joined through another keeps the reason of its own first link.
    list.push(root === d.id ? { id: d.id } : { id: d.id, reason: reason.get(i) ?? 'copy' })
    members.set(root, list)
  })
  const sources = [...members.entries()].map(([earliest, list]) => ({
    earliest,
    members: list,
  }))
  return { sourceOf, sources, duplicates }
}
