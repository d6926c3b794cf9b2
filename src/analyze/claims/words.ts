/**
 * @module
 * A small word scanner over a region of the text, used by the claim rules. Words keep their
 * offsets; punctuation marks are words of their own; "Mr." and initials keep their full stop.
 */

export interface Word {
  readonly start: number
  readonly end: number
  /** Lowercased text, with ’ folded to '. */
  readonly lower: string
  /** The first character is an upper-case letter. */
  readonly upper: boolean
  /** A letter or digit word (not punctuation). */
  readonly isWord: boolean
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\-'’.]*[\p{L}\p{N}])?\.?|n['’]t|['’]s\b|[^\s\p{L}\p{N}]/gu
const ABBREVIATION = /^(?:mr|mrs|ms|dr|gen|sen|rep|gov|col|lt|sgt|capt|prof|st|jr|sr|u\.s|u\.n|u\.k|[a-z])\.$/i

/** Words of `text.slice(start, end)`, with absolute offsets. */
export function scanWords(text: string, start: number, end: number): Word[] {
  const region = text.slice(start, end)
  const words: Word[] = []
  WORD.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = WORD.exec(region)) !== null) {
    let raw = match[0]
    let s = start + match.index
    // A trailing full stop belongs to the word only for abbreviations ("Mr.", "U.S.").
    if (raw.length > 1 && raw.endsWith('.') && !ABBREVIATION.test(raw) && !/^(?:[\p{L}]\.)+$/u.test(raw)) {
      raw = raw.slice(0, -1)
      pushWord(words, raw, s)
      s += raw.length
      pushWord(words, '.', s)
      continue
    }
    pushWord(words, raw, s)
  }
  return words
}

function pushWord(words: Word[], raw: string, start: number): void {
  const first = raw[0] ?? ''
  words.push({
    start,
    end: start + raw.length,
    lower: raw.toLowerCase().replace(/’/g, "'"),
    upper: first !== first.toLowerCase(),
    isWord: /[\p{L}\p{N}]/u.test(first),
  })
}

/** Auxiliaries, adverbs and negation that may stand between a speaker and the cue. */
export const BETWEEN_SPEAKER_AND_CUE = new Set([
  'has', 'have', 'had', 'also', 'later', 'previously', 'repeatedly', 'again', 'publicly', 'then',
  'did', 'does', 'do', 'not', "n't", 'never', 'would', 'will', 'could', 'may', 'might', 'should',
  'once', 'earlier', 'recently', 'further', 'first', 'even', 'immediately', 'reportedly',
  'allegedly', 'is', 'was', 'were', 'are', 'be', 'been', 'being', 'had', 'often', 'already',
  'still', 'initially', 'privately', 'openly', 'falsely', 'wrongly', 'long', 'refused', 'declined',
  'to', 'quickly', 'flatly', 'firmly', 'strongly', 'explicitly', 'no', 'longer', 'just', 'now',
])

export const NEGATIONS = new Set(['not', "n't", 'never', 'refused', 'declined', 'no', 'neither', 'nor'])

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my',
  'your', 'some', 'several', 'many', 'two', 'three', 'four', 'one', 'another', 'other', 'both',
  'each', 'every', 'most', 'few', 'all', 'any',
])

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you'])

/** Words that end a speaker noun phrase when walking backwards from the cue. */
export const NP_STOPS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'because', 'if', 'as', 'but', 'so',
  'after', 'before', 'since', 'although', 'though', 'where', 'whether', 'than', 'then', 'and',
  'or', 'to', 'on', 'at', 'by', 'with', 'about', 'against', 'into', 'during', 'under', 'over',
  'is', 'was', 'were', 'are', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can',
  'could', 'not', 'also', 'yesterday', 'today', 'once', 'there', 'here', 'what', 'how', 'why',
  'all', 'both', 'just', 'only', 'even', 'later', 'meanwhile', 'however', 'instead', 'still',
  'now', 'until', 'unless', 'why',
])

/** Prepositions a speaker phrase may contain ("the head of the service", "officials in Moscow"). */
export const NP_INNER = new Set(['of', 'for', 'in', 'from', "'s", '-', '&'])
