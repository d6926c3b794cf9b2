/**
 * @module
 * The BILOU tag set over the four CoNLL types, with conversions from IOB2 and back to spans.
 * Tag 0 is O; type t has tags 1 + 4t + (B 0, I 1, L 2, U 3).
 */

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const
export type CoarseType = (typeof TYPES)[number]
export const TAG_COUNT = 1 + 4 * TYPES.length
const PARTS = ['B', 'I', 'L', 'U'] as const

export const TAG_NAMES: readonly string[] = [
  'O',
  ...TYPES.flatMap((t) => PARTS.map((p) => `${p}-${t}`)),
]

export function tagPart(tag: number): 'O' | 'B' | 'I' | 'L' | 'U' {
  return tag === 0 ? 'O' : (PARTS[(tag - 1) % 4] ?? 'O')
}

export function tagType(tag: number): number {
  return tag === 0 ? -1 : Math.floor((tag - 1) / 4)
}

/** Whether `next` may follow `prev` in BILOU (prev -1: sentence start). */
export function allowed(prev: number, next: number): boolean {
  const pp = prev < 0 ? 'O' : tagPart(prev)
  const np = tagPart(next)
  const open = pp === 'B' || pp === 'I'
  if (open) return (np === 'I' || np === 'L') && tagType(prev) === tagType(next)
  return np === 'O' || np === 'B' || np === 'U'
}

/** BILOU tag ids for IOB2 (or IOB1) tags. */
export function fromIob(tags: readonly string[]): Uint8Array {
  const spans = spansFromIob(tags)
  const out = new Uint8Array(tags.length)
  for (const s of spans) {
    const base = 1 + 4 * s.type
    if (s.end - s.start === 1) out[s.start] = base + 3
    else {
      out[s.start] = base
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = base + 1
      out[s.end - 1] = base + 2
    }
  }
  return out
}

export interface TagSpan {
  readonly start: number
  readonly end: number
  /** Index into TYPES. */
  readonly type: number
}

/** Spans of IOB tags (conlleval convention: I after O or another type starts a span). */
export function spansFromIob(tags: readonly string[]): TagSpan[] {
  const out: TagSpan[] = []
  let start = -1
  let type = ''
  const close = (end: number): void => {
    const t = TYPES.indexOf(type as CoarseType)
    if (start >= 0 && t >= 0) out.push({ start, end, type: t })
    start = -1
    type = ''
  }
  tags.forEach((tag, i) => {
    const [part, ty = ''] = tag.split('-') as [string, string?]
    if (part === 'O') close(i)
    else if (part === 'B' || part === 'S' || part === 'U' || ty !== type || start < 0) {
      close(i)
      start = i
      type = ty
    }
    if (part === 'E' || part === 'L' || part === 'S' || part === 'U') close(i + 1)
  })
  close(tags.length)
  return out
}

/** Spans of a BILOU id sequence (lenient: a broken sequence still yields spans). */
export function spansFromTags(tags: ArrayLike<number>, n = tags.length): TagSpan[] {
  const out: TagSpan[] = []
  let start = -1
  let type = -1
  for (let i = 0; i < n; i++) {
    const tag = tags[i] ?? 0
    const part = tagPart(tag)
    const ty = tagType(tag)
    if (part === 'O') {
      if (start >= 0) out.push({ start, end: i, type })
      start = -1
    } else if (part === 'B' || part === 'U' || ty !== type || start < 0) {
      if (start >= 0) out.push({ start, end: i, type })
      start = i
      type = ty
    }
    if (part === 'L' || part === 'U') {
      out.push({ start, end: i + 1, type })
      start = -1
    }
  }
  if (start >= 0) out.push({ start, end: n, type })
  return out
}
