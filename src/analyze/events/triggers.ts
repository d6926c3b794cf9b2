import { readJson } from '../lexicon.js'
import type { Tokens } from '../stage.js'

interface TriggerTable {
  readonly types: Readonly<Record<string, readonly string[]>>
  readonly notTriggers: readonly string[]
}

interface Phrase {
  readonly words: readonly string[]
  readonly type: string
  readonly text: string
}

const table = readJson<TriggerTable>('event-triggers.json')
/** Phrases by their first word, longest first. */
const phrasesByFirst = new Map<string, Phrase[]>()
for (const [type, phrases] of Object.entries(table.types)) {
  for (const text of phrases) {
    const words = text.split(' ')
    const list = phrasesByFirst.get(words[0]!) ?? []
    list.push({ words, type, text })
    phrasesByFirst.set(words[0]!, list)
  }
}
for (const list of phrasesByFirst.values()) list.sort((a, b) => b.words.length - a.words.length)
const notTriggers: ReadonlySet<string> = new Set(table.notTriggers)

/** Whether a lower-case word is an event trigger on its own ("attacked", "bombed"). */
export function isOneWordTrigger(word: string): boolean {
  return phrasesByFirst.get(word)?.some((p) => p.words.length === 1) ?? false
}

/** One trigger occurrence, in token indices `[start, end)`. */
export interface TriggerMention {
  readonly type: string
  readonly start: number
  readonly end: number
  readonly sentence: number
  readonly phrase: string
}

/** Find trigger phrases in the tokens (longest match, never across sentences). */
export function findTriggers(tokens: Tokens, words: readonly string[]): TriggerMention[] {
  const out: TriggerMention[] = []
  const count = tokens.count
  for (let i = 0; i < count;) {
    const candidates = phrasesByFirst.get(words[i]!)
    if (candidates === undefined) {
      i++
      continue
    }
    const sentence = tokens.sentence[i]!
    let matched: Phrase | undefined
    for (const phrase of candidates) {
      const n = phrase.words.length
      if (i + n > count || tokens.sentence[i + n - 1] !== sentence) continue
      let ok = true
      for (let k = 1; k < n && ok; k++) ok = words[i + k] === phrase.words[k]
      if (ok) {
        matched = phrase
        break
      }
    }
    if (matched === undefined) {
      i++
      continue
    }
    const end = i + matched.words.length
    // "heart attack", "attack ads", "explosion of": not the event.
    const before =
      i > 0 && tokens.sentence[i - 1] === sentence ? `${words[i - 1]!} ${words[i]!}` : ''
    const after =
      end < count && tokens.sentence[end] === sentence ? `${words[end - 1]!} ${words[end]!}` : ''
    if (notTriggers.has(before) || notTriggers.has(after)) {
      i = end
      continue
    }
    out.push({ type: matched.type, start: i, end, sentence, phrase: matched.text })
    i = end
  }
  return out
}
