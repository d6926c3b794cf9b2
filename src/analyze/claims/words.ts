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

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'sen',
  'rep',
  'gov',
  'col',
  'lt',
  'sgt',
  'capt',
  'prof',
  'st',
  'jr',
  'sr',
  'rev',
  'del',
  'adm',
  'maj',
  'sens',
  'reps',
  'supt',
  'atty',
  'cmdr',
])
const NON_ASCII_WORD = /[\p{L}\p{N}]/u

/** Letter or digit (ASCII fast path). */
function isWordCode(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  return NON_ASCII_WORD.test(String.fromCharCode(code))
}

const isSpaceCode = (code: number): boolean =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 160 ||
  (code >= 0x2000 && code <= 0x200b) ||
  code === 0x3000

/** Words of `text.slice(start, end)`, with absolute offsets. A plain character loop: hot path. */
export function scanWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = []
  let i = start
  while (i < end) {
    const code = text.charCodeAt(i)
    if (isSpaceCode(code)) {
      i++
      continue
    }
    if (
      (code === 39 || code === 0x2019) &&
      i + 1 < end &&
      (text.charCodeAt(i + 1) | 32) === 115 &&
      !isWordCode(text.charCodeAt(i + 2)) &&
      i > start &&
      isWordCode(text.charCodeAt(i - 1))
    ) {
      pushWord(words, text, i, i + 2, true)
      i += 2
      continue
    }
    if (!isWordCode(code)) {
      // "’s" / "'s" after a space-less possessive are handled inside words; here a mark is a word.
      pushWord(words, text, i, i + 1, false)
      i++
      continue
    }
    let j = i + 1
    let dotted = false
    while (j < end) {
      const c = text.charCodeAt(j)
      if (isWordCode(c)) {
        j++
        continue
      }
      // The clitic "'s" is a word of its own ("He's said", "the country's president").
      if (
        (c === 39 || c === 0x2019) &&
        (text.charCodeAt(j + 1) | 32) === 115 &&
        !isWordCode(text.charCodeAt(j + 2))
      ) {
        break
      }
      // Inner hyphen, apostrophe or full stop joins when a letter or digit follows ("U.S", "don't").
      if (
        (c === 45 || c === 39 || c === 0x2019 || c === 46) &&
        j + 1 < end &&
        isWordCode(text.charCodeAt(j + 1))
      ) {
        if (c === 46) dotted = true
        j += 2
        continue
      }
      break
    }
    // A trailing full stop belongs to abbreviations and initials ("Mr.", "U.S.", "J.").
    if (j < end && text.charCodeAt(j) === 46) {
      const bare = text.slice(i, j).toLowerCase()
      if (dotted || j - i === 1 || ABBREVIATIONS.has(bare)) j++
    }
    pushWord(words, text, i, j, true)
    i = j
  }
  return words
}

function pushWord(words: Word[], text: string, start: number, end: number, isWord: boolean): void {
  const raw = text.slice(start, end)
  let lower = raw.toLowerCase()
  if (lower.includes('’')) lower = lower.replace(/’/g, "'")
  const code = text.charCodeAt(start)
  words.push({
    start,
    end,
    lower,
    upper: isWord && (code < 128 ? code >= 65 && code <= 90 : raw[0] !== lower[0]),
    isWord,
  })
}

/** Auxiliaries, adverbs and negation that may stand between a speaker and the cue. */
export const BETWEEN_SPEAKER_AND_CUE = new Set([
  'has',
  'have',
  'had',
  'also',
  'later',
  'previously',
  'repeatedly',
  'again',
  'publicly',
  'then',
  'did',
  'does',
  'do',
  'not',
  "n't",
  'never',
  'would',
  'will',
  'could',
  'may',
  'might',
  'should',
  'once',
  'earlier',
  'recently',
  'further',
  'first',
  'even',
  'immediately',
  'reportedly',
  'allegedly',
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'being',
  'had',
  'often',
  'already',
  'still',
  'initially',
  'privately',
  'openly',
  'falsely',
  'wrongly',
  'long',
  'refused',
  'declined',
  'to',
  'quickly',
  'flatly',
  'firmly',
  'strongly',
  'explicitly',
  'no',
  'longer',
  'just',
  'now',
  "'s",
  "'ve",
  "'d",
  'nevertheless',
  'nonetheless',
  'however',
  'meanwhile',
  'instead',
  'subsequently',
  'too',
  'both',
  'all',
  'each',
])

/** Time words that may stand between a speaker and the cue ("Wells Fargo this month said"). */
export const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
  'this',
  'last',
  'next',
  'week',
  'month',
  'year',
  'weekend',
  'morning',
  'afternoon',
  'evening',
  'night',
  'on',
  'earlier',
  'later',
  'recently',
])

export const NEGATIONS = new Set([
  'not',
  "n't",
  'never',
  'refused',
  'declined',
  'no',
  'neither',
  'nor',
])

export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'some',
  'several',
  'many',
  'two',
  'three',
  'four',
  'one',
  'another',
  'other',
  'both',
  'each',
  'every',
  'most',
  'few',
  'all',
  'any',
])

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you'])

/** Words that end a speaker noun phrase when walking backwards from the cue. */
export const NP_STOPS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'while',
  'because',
  'if',
  'as',
  'but',
  'so',
  'after',
  'before',
  'since',
  'although',
  'though',
  'where',
  'whether',
  'than',
  'then',
  'and',
  'or',
  'to',
  'on',
  'at',
  'by',
  'with',
  'about',
  'against',
  'into',
  'during',
  'under',
  'over',
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'not',
  'also',
  'yesterday',
  'today',
  'once',
  'there',
  'here',
  'what',
  'how',
  'why',
  'all',
  'both',
  'just',
  'only',
  'even',
  'later',
  'meanwhile',
  'however',
  'instead',
  'still',
  'now',
  'until',
  'unless',
  'why',
])

/** Prepositions a speaker phrase may contain ("the head of the service", "officials in Moscow"). */
export const NP_INNER = new Set(['of', 'for', 'in', 'from', "'s", '-', '&'])
