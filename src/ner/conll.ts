/**
 * @module
 * Readers for the NER training and evaluation data: CoNLL-2003 in the `index TAB token TAB tag`
 * layout (IOB2), and GUM CoNLL-U with `Entity=` annotations in MISC.
 */
import { readFileSync } from 'node:fs'
import { dataLines } from './data-files.js'

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
 * Sentences of a GUM CoNLL-U file with IOB2 tags for *named* entities. GUM marks every mention as a
 * full noun phrase ("India, where homeopathy is common"; "Professor Eastman"); a name is taken as the
 * mention's head when it is a proper noun, with the proper nouns joined to it by flat, compound,
 * fixed or amod relations (transitively; the span from first to last), leading titles removed. Classes person, organization and place
 * map to PER, ORG and LOC; the rest (time, event, object, abstract …) have no CoNLL type and are O.
 */
/** Relations that join proper nouns into one name (nmod is left out: it joins "Sydney, Australia"). */
const NAME_RELS = new Set(['flat', 'compound', 'fixed', 'amod'])

export function readGum(path: string): TaggedSentence[] {
  const titles = new Set(
    dataLines('entities/titles.txt').map((t) => t.trim().toLowerCase().replace(/\.$/, '')),
  )
  const out: TaggedSentence[] = []
  let words: string[] = []
  let upos: string[] = []
  let heads: number[] = []
  let rels: string[] = []
  let spans: { start: number; end: number; type: string }[] = []
  let open: { id: string; type: string; start: number }[] = []
  const flush = (): void => {
    if (words.length === 0) return
    const tags = new Array<string>(words.length).fill('O')
    const names: { start: number; end: number; type: string }[] = []
    for (const s of spans) {
      // The head: the token whose syntactic head lies outside the mention.
      let head = -1
      for (let i = s.start; i < s.end; i++) {
        const h = (heads[i] ?? 0) - 1
        if (h < s.start || h >= s.end) {
          head = i
          break
        }
      }
      if (head < 0 || upos[head] !== 'PROPN') continue
      const inName = new Set([head])
      let grew = true
      while (grew) {
        grew = false
        for (let i = s.start; i < s.end; i++) {
          if (inName.has(i) || upos[i] !== 'PROPN') continue
          const rel = (rels[i] ?? '').split(':')[0] ?? ''
          if (NAME_RELS.has(rel) && inName.has((heads[i] ?? 0) - 1)) {
            inName.add(i)
            grew = true
          }
        }
      }
      let start = Math.min(...inName)
      const end = Math.max(...inName) + 1
      while (start < end - 1 && titles.has((words[start] ?? '').toLowerCase().replace(/\.$/, '')))
        start++
      names.push({ start, end, type: s.type })
    }
    names.sort((a, b) => a.start - b.start || b.end - a.end)
    let covered = -1
    for (const n of names) {
      if (n.start <= covered) continue
      for (let i = n.start; i < n.end; i++) tags[i] = `${i === n.start ? 'B' : 'I'}-${n.type}`
      covered = n.end - 1
    }
    out.push({ words, tags, doc: 0 })
    words = []
    upos = []
    heads = []
    rels = []
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
    heads.push(Number(cols[6] ?? 0))
    rels.push(cols[7] ?? '')
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
