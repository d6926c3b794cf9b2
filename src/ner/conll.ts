/**
 * @module
 * Readers for the NER training and evaluation data: CoNLL-2003 in the `index TAB token TAB tag`
 * layout (IOB2), and GUM CoNLL-U with `Entity=` annotations in MISC.
 */
import { readFileSync } from 'node:fs'

export interface TaggedSentence {
  readonly words: string[]
  /** IOB2 tags ("B-PER", "I-PER", "O"). */
  readonly tags: string[]
  /** Index of the document the sentence belongs to (from -DOCSTART- lines). */
  readonly doc: number
}

/** Sentences of a CoNLL-2003 file. */
export function readConll(path: string): TaggedSentence[] {
  const out: TaggedSentence[] = []
  let words: string[] = []
  let tags: string[] = []
  let doc = 0
  const flush = (): void => {
    if (words.length > 0) out.push({ words, tags, doc })
    words = []
    tags = []
  }
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') {
      flush()
      continue
    }
    const cols = line.split('\t')
    const word = cols[1] ?? ''
    if (word === '-DOCSTART-') {
      flush()
      doc++
      continue
    }
    words.push(word)
    tags.push(cols[2] ?? 'O')
  }
  flush()
  return out
}

/** GUM entity classes mapped to CoNLL types; others (time, quantity, abstract, object …) are O. */
const GUM_TO_CONLL: Readonly<Record<string, string>> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
}

/**
 * Sentences of a GUM CoNLL-U file with IOB2 tags for *named* entities: a GUM entity counts when its
 * class maps to PER/ORG/LOC and its span's words are all proper nouns (PROPN) after leading "the".
 * GUM annotates every mention ("the agency", "he"); CoNLL only names.
 */
export function readGum(path: string): TaggedSentence[] {
  const out: TaggedSentence[] = []
  let words: string[] = []
  let upos: string[] = []
  let spans: { start: number; end: number; type: string }[] = []
  let open: { id: string; type: string; start: number }[] = []
  const flush = (): void => {
    if (words.length === 0) return
    const tags = new Array<string>(words.length).fill('O')
    // Keep the outermost-first, non-overlapping proper-noun spans.
    spans.sort((a, b) => a.start - b.start || b.end - a.end)
    let covered = -1
    for (const s of spans) {
      let start = s.start
      while (start < s.end && /^(the|The)$/.test(words[start] ?? '')) start++
      if (start >= s.end || start <= covered) continue
      let proper = true
      for (let i = start; i < s.end; i++)
        if (upos[i] !== 'PROPN' && !/^(of|and|&|-)$/.test(words[i] ?? '')) proper = false
      if (!proper || upos[s.end - 1] !== 'PROPN') continue
      for (let i = start; i < s.end; i++) tags[i] = `${i === start ? 'B' : 'I'}-${s.type}`
      covered = s.end - 1
    }
    out.push({ words, tags, doc: 0 })
    words = []
    upos = []
    spans = []
    open = []
  }
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue
    if (line.trim() === '') {
      flush()
      continue
    }
    const cols = line.split('\t')
    if (!/^\d+$/.test(cols[0] ?? '')) continue
    const index = words.length
    words.push(cols[1] ?? '')
    upos.push(cols[3] ?? '')
    const entity = /Entity=([^|]*)/.exec(cols[9] ?? '')?.[1]
    if (entity === undefined) continue
    // "(1-organization-…)" opens and closes; "(2-event-…" opens; "2)" closes.
    for (const m of entity.matchAll(/\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\d+\)|$)|(\d+)\)/g)) {
      if (m[4] !== undefined) {
        const k = open.findIndex((o) => o.id === m[4])
        const o = open[k]
        if (o !== undefined) {
          const type = GUM_TO_CONLL[o.type]
          if (type !== undefined) spans.push({ start: o.start, end: index + 1, type })
          open.splice(k, 1)
        }
      } else if (m[3] !== undefined) {
        const type = GUM_TO_CONLL[m[2] ?? '']
        if (type !== undefined) spans.push({ start: index, end: index + 1, type })
      } else {
        open.push({ id: m[1] ?? '', type: m[2] ?? '', start: index })
      }
    }
  }
  flush()
  return out
}
