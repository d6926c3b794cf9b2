/**
 * @module
 * The `dates` stage: absolute dates ("March 22, 2026", "22 March 2026", "2026-03-22", "March 22",
 * "in 2015") and relative ones ("yesterday", "last night", "on Friday", "last week", "two days
 * ago"), resolved against the document's `publishedAt` when it is known. A mention that could not
 * be resolved has `value: null` and `relative: true`.
 */
import type { DateMention, Sentence } from '../../model/analysis.js'
import type { NormalizedDocument, Section } from '../../model/document.js'
import { isAsciiDigit, isUpper } from '../chars.js'
import { readJson } from '../lexicon.js'
import { need, type Layers, type Stage, type Tokens } from '../stage.js'
import { tokenAtOrAfter, tokenEndingBy } from '../token-search.js'
import { lowerWords } from '../words.js'
import {
  addDays,
  addMonths,
  dayOf,
  daysBetween,
  formatDay,
  formatIsoWeek,
  formatMonth,
  isValidDay,
  weekday,
  type Day,
} from './calendar-math.js'

const STAGE = 'dates'

interface Calendar {
  readonly months: Readonly<Record<string, number>>
  readonly weekdays: Readonly<Record<string, number>>
  readonly yearPrepositions: readonly string[]
  readonly weekdayNames: readonly string[]
}
interface RelativeEntry {
  readonly unit: 'day' | 'week' | 'month' | 'year'
  readonly offset: number
}

const calendar = readJson<Calendar>('calendar.json')
const months = new Map(Object.entries(calendar.months))
const weekdays = new Map(Object.entries(calendar.weekdays))
const yearPrepositions: ReadonlySet<string> = new Set(calendar.yearPrepositions)
const weekdayNames: ReadonlySet<string> = new Set(calendar.weekdayNames)
/** Month names that are also common words: only capitalized, and only next to a day or year. */
const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set([
  'may',
  'march',
  'mar.',
  'jan',
  'jun',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
  'feb',
  'apr',
  'jul',
  'sept',
])

const relativeTable = readJson<Record<string, RelativeEntry | string>>('relative-dates.json')
const relatives = new Map<string, RelativeEntry>()
let longestRelative = 1
for (const [phrase, entry] of Object.entries(relativeTable)) {
  if (typeof entry === 'string') continue
  relatives.set(phrase, entry)
  longestRelative = Math.max(longestRelative, phrase.split(' ').length)
}
const numberWords = new Map(
  Object.entries(readJson<{ values: Record<string, number> }>('number-words.json').values),
)
const AGO_UNITS = new Map<string, RelativeEntry['unit']>([
  ['day', 'day'],
  ['days', 'day'],
  ['week', 'week'],
  ['weeks', 'week'],
  ['month', 'month'],
  ['months', 'month'],
  ['year', 'year'],
  ['years', 'year'],
])
const PARTS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night'])

/** One match: the token range and the resolved value. */
interface Match {
  readonly end: number
  readonly value: string | null
  readonly relative: boolean
  readonly rule: string
}

/** Context shared by the matchers of one document. */
interface Context {
  readonly text: string
  readonly tokens: Tokens
  readonly words: readonly string[]
  readonly published: Day | null
}

/** Rules whose value depends on the reference day. */
const REFERENCE_RULES: ReadonlySet<string> = new Set([
  'weekday',
  'relative-phrase',
  'ago',
  'month-day',
  'day-month',
])
/** Confidence of a value resolved against a date found in the text instead of `publishedAt`. */
const ANCHORED_CONFIDENCE = 0.8
/** Body sentences searched for a dateline date when `publishedAt` is unknown. */
const DATELINE_SENTENCES = 3

/**
 * When `publishedAt` is unknown, the first full date in the title, the byline or the first body
 * sentences ("Published 13 March 2026", "VELENOR, March 13, 2026 —") stands in for it.
 */
function findAnchor(
  ctx: Context,
  sentences: readonly Sentence[],
  sections: readonly Section[],
): Day | null {
  let bodySentences = 0
  for (const sentence of sentences) {
    const kind = sections[sentence.section]?.kind
    if (kind === 'body') bodySentences++
    else if (kind !== 'title' && kind !== 'byline') continue
    if (bodySentences > DATELINE_SENTENCES) return null
    let i = tokenAtOrAfter(ctx.tokens, sentence.start)
    while (i < ctx.tokens.count && ctx.tokens.ends[i]! <= sentence.end) {
      const limit = tokenEndingBy(ctx.tokens, sentence.end)
      const match =
        matchIso(ctx, i) ?? matchMonthFirst(ctx, i, limit) ?? matchDayFirst(ctx, i, limit)
      const day =
        match !== null && match.value !== null && match.value.length === 10
          ? dayOf(match.value)
          : null
      if (day !== null) return day
      i = match !== null ? match.end : i + 1
    }
  }
  return null
}

function capitalized(ctx: Context, i: number): boolean {
  return isUpper(ctx.text.charCodeAt(ctx.tokens.starts[i]!))
}

/** A day of the month: "22", "22nd", "1st". */
function dayNumber(word: string | undefined): number | null {
  if (
    word === undefined ||
    word.length === 0 ||
    word.length > 4 ||
    !isAsciiDigit(word.charCodeAt(0))
  )
    return null
  const match = /^(\d{1,2})(st|nd|rd|th)?$/.exec(word)
  if (match === null) return null
  const day = Number(match[1])
  return day >= 1 && day <= 31 ? day : null
}

function yearNumber(word: string | undefined): number | null {
  if (word === undefined || word.length !== 4 || !/^(1[89]|20)\d\d$/.test(word)) return null
  return Number(word)
}

/** The month of token `i` when it can be read as a month name here. */
function monthAt(ctx: Context, i: number, limit: number): number | null {
  if (i >= limit) return null
  const month = months.get(ctx.words[i]!)
  if (month === undefined) return null
  if (AMBIGUOUS_MONTHS.has(ctx.words[i]!) && !capitalized(ctx, i)) return null
  return month
}

/** Resolve a month and day without a year against the reference day. */
function resolveMonthDay(ctx: Context, month: number, day: number): Match['value'] {
  const published = ctx.published
  if (published === null) return null
  // The occurrence nearest to publication: "December 28" in early January is last year's,
  // "February 20" in January is this year's.
  let year = published.year
  if (isValidDay(year, month, day)) {
    const offset = daysBetween({ year, month, day }, published)
    if (offset > 183) year--
    else if (offset < -183) year++
  }
  return isValidDay(year, month, day) ? formatDay({ year, month, day }) : null
}

function absolute(end: number, value: string | null, rule: string): Match {
  return { end, value, relative: false, rule }
}

function unresolvedOr(end: number, value: string | null, rule: string): Match {
  return { end, value, relative: value === null, rule }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:t\d{2}(?::\d{2}){0,2}(?:\.\d+)?z?)?$/

/** "2026-03-22", "2026-03-22T10:30:00Z" (the day). */
function matchIso(ctx: Context, i: number): Match | null {
  const word = ctx.words[i]!
  if (word.length < 10 || word.length > 30) return null
  const match = ISO_DATE.exec(word)
  if (match === null) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isValidDay(year, month, day)
    ? absolute(i + 1, formatDay({ year, month, day }), 'iso-date')
    : null
}

/** "3/22/2026", "22/3/2026": resolved only when the order is unambiguous. */
function matchSlash(ctx: Context, i: number): Match | null {
  const word = ctx.words[i]!
  if (word.length < 8 || word.length > 10) return null
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(word)
  if (match === null) return null
  const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  let value: string | null = null
  if (a > 12 && isValidDay(year, b, a)) value = formatDay({ year, month: b, day: a })
  else if (b > 12 && isValidDay(year, a, b)) value = formatDay({ year, month: a, day: b })
  else if (a === b && isValidDay(year, a, b)) value = formatDay({ year, month: a, day: b })
  else if (!isValidDay(year, a, b) && !isValidDay(year, b, a)) return null
  return absolute(i + 1, value, 'slash-date')
}

/** "March 22, 2026", "March 22nd", "March 2026", "Mar. 22". */
function matchMonthFirst(ctx: Context, i: number, limit: number): Match | null {
  const month = monthAt(ctx, i, limit)
  if (month === null) return null
  const day = i + 1 < limit ? dayNumber(ctx.words[i + 1]) : null
  if (day !== null) {
    let j = i + 2
    if (j < limit && ctx.words[j] === ',') j++
    const year = j < limit ? yearNumber(ctx.words[j]) : null
    if (year !== null) {
      return isValidDay(year, month, day)
        ? absolute(j + 1, formatDay({ year, month, day }), 'month-day-year')
        : null
    }
    return unresolvedOr(i + 2, resolveMonthDay(ctx, month, day), 'month-day')
  }
  const year = i + 1 < limit ? yearNumber(ctx.words[i + 1]) : null
  if (year !== null) return absolute(i + 2, formatMonth(year, month), 'month-year')
  return null
}

/** "22 March 2026", "22nd of March", "22 March". */
function matchDayFirst(ctx: Context, i: number, limit: number): Match | null {
  const day = dayNumber(ctx.words[i])
  if (day === null) return null
  let j = i + 1
  if (j < limit && ctx.words[j] === 'of') j++
  const month = monthAt(ctx, j, limit)
  if (month === null) return null
  const year = j + 1 < limit ? yearNumber(ctx.words[j + 1]) : null
  if (year !== null) {
    return isValidDay(year, month, day)
      ? absolute(j + 2, formatDay({ year, month, day }), 'day-month-year')
      : null
  }
  return unresolvedOr(j + 1, resolveMonthDay(ctx, month, day), 'day-month')
}

/** "Friday", "last Friday", "next Friday", "Friday night": nearest such day on or before publication. */
function matchWeekday(ctx: Context, i: number, limit: number): Match | null {
  let j = i
  let direction = 0
  const modifier = ctx.words[i]
  if (modifier === 'last' || modifier === 'next' || modifier === 'this') {
    direction = modifier === 'next' ? 1 : modifier === 'last' ? -1 : 0
    j++
  }
  if (j >= limit) return null
  const word = ctx.words[j]!
  const target = weekdays.get(word)
  if (target === undefined) return null
  // Abbreviations ("Sat.", "Sun.") only when capitalized.
  if (word.endsWith('.') && !capitalized(ctx, j)) return null
  // "Super Tuesday", "Black Friday": a name, not a date.
  if (
    j === i &&
    i > 0 &&
    ctx.tokens.sentence[i - 1] === ctx.tokens.sentence[i] &&
    weekdayNames.has(ctx.words[i - 1]!)
  )
    return null
  let end = j + 1
  if (end < limit && PARTS_OF_DAY.has(ctx.words[end]!)) end++
  // "Friday, March 22": the absolute date that follows says it all; leave it to that matcher.
  if (end + 1 < limit && ctx.words[end] === ',' && monthAt(ctx, end + 1, limit) !== null)
    return null
  const published = ctx.published
  if (published === null) return { end, value: null, relative: true, rule: 'weekday' }
  const today = weekday(published)
  let delta: number
  if (direction > 0) delta = (target - today + 7) % 7 || 7
  else if (direction < 0) delta = -((today - target + 7) % 7 || 7)
  else delta = -((today - target + 7) % 7)
  return { end, value: formatDay(addDays(published, delta)), relative: false, rule: 'weekday' }
}

function resolveRelative(published: Day | null, entry: RelativeEntry, times = 1): string | null {
  if (published === null) return null
  const offset = entry.offset * times
  switch (entry.unit) {
    case 'day':
      return formatDay(addDays(published, offset))
    case 'week':
      return formatIsoWeek(addDays(published, offset * 7))
    case 'month': {
      const shifted = addMonths(published, offset)
      return formatMonth(shifted.year, shifted.month)
    }
    case 'year':
      return String(published.year + offset).padStart(4, '0')
  }
}

/** "yesterday", "last night", "earlier this week" (longest phrase first). */
function matchRelative(ctx: Context, i: number, limit: number): Match | null {
  const first = ctx.words[i]!
  // Cheap filter: every phrase starts with one of these words.
  if (!relativeStarts.has(first)) return null
  // "CBS This Morning": a capitalized phrase inside a sentence is a name.
  if (
    capitalized(ctx, i) &&
    i > 0 &&
    ctx.tokens.sentence[i - 1] === ctx.tokens.sentence[i] &&
    i + 1 < limit &&
    capitalized(ctx, i + 1)
  ) {
    return null
  }
  for (let n = Math.min(longestRelative, limit - i); n >= 1; n--) {
    let phrase = first
    for (let k = i + 1; k < i + n; k++) phrase += ' ' + ctx.words[k]!
    const entry = relatives.get(phrase)
    if (entry !== undefined) {
      const value = resolveRelative(ctx.published, entry)
      return { end: i + n, value, relative: value === null, rule: 'relative-phrase' }
    }
  }
  return null
}
const relativeStarts: ReadonlySet<string> = new Set(
  [...relatives.keys()].map((phrase) => phrase.split(' ')[0]!),
)

/** "two days ago", "3 weeks ago". */
function matchAgo(ctx: Context, i: number, limit: number): Match | null {
  if (i + 2 >= limit || ctx.words[i + 2] !== 'ago') return null
  const unit = AGO_UNITS.get(ctx.words[i + 1]!)
  if (unit === undefined) return null
  const word = ctx.words[i]!
  const count = /^\d{1,3}$/.test(word)
    ? Number(word)
    : word === 'a' || word === 'an'
      ? 1
      : numberWords.get(word)
  if (count === undefined) return null
  const value = resolveRelative(ctx.published, { unit, offset: -1 }, count)
  return { end: i + 3, value, relative: value === null, rule: 'ago' }
}

/** "in 2015", "since 1999". */
function matchYear(ctx: Context, i: number, limit: number, sentenceStart: number): Match | null {
  const year = yearNumber(ctx.words[i])
  if (year === null || i === sentenceStart || !yearPrepositions.has(ctx.words[i - 1]!)) return null
  // "in 2015 elections" is still the year 2015; "in 2000 cases" is a count.
  const next = i + 1 < limit ? ctx.words[i + 1]! : ''
  if (next === 'people' || next === 'cases' || next === 'troops') return null
  return absolute(i + 1, String(year), 'year')
}

/**
 * Find all date mentions of one document. Relative dates resolve against `publishedAt`, or, when it
 * is unknown and `sentences`/`sections` are given, against a full date in the title, byline or
 * dateline (those values carry a lower confidence).
 */
export function findDates(
  text: string,
  tokens: Tokens,
  publishedAt: string | null,
  sentences: readonly Sentence[] = [],
  sections: readonly Section[] = [],
): DateMention[] {
  const words = lowerWords(text, tokens)
  let ctx: Context = { text, tokens, words, published: dayOf(publishedAt) }
  let anchored = false
  if (ctx.published === null && sentences.length > 0) {
    const anchor = findAnchor(ctx, sentences, sections)
    if (anchor !== null) {
      ctx = { ...ctx, published: anchor }
      anchored = true
    }
  }
  const out: DateMention[] = []
  let i = 0
  while (i < tokens.count) {
    const sentence = tokens.sentence[i]!
    const start = i
    let limit = i + 1
    while (limit < tokens.count && tokens.sentence[limit] === sentence) limit++
    while (i < limit) {
      const match =
        matchIso(ctx, i) ??
        matchSlash(ctx, i) ??
        matchMonthFirst(ctx, i, limit) ??
        matchDayFirst(ctx, i, limit) ??
        matchWeekday(ctx, i, limit) ??
        matchRelative(ctx, i, limit) ??
        matchAgo(ctx, i, limit) ??
        matchYear(ctx, i, limit, start)
      if (match === null) {
        i++
        continue
      }
      const spanStart = tokens.starts[i]!
      const spanEnd = tokens.ends[match.end - 1]!
      out.push({
        start: spanStart,
        end: spanEnd,
        text: text.slice(spanStart, spanEnd),
        value: match.value,
        relative: match.relative,
        provenance:
          anchored && match.value !== null && REFERENCE_RULES.has(match.rule)
            ? { stage: STAGE, rule: match.rule, confidence: ANCHORED_CONFIDENCE }
            : { stage: STAGE, rule: match.rule },
      })
      i = match.end
    }
  }
  return out
}

export const datesStage = {
  name: STAGE,
  needs: ['sentences', 'tokens'],
  provides: 'dates',
  run(doc: NormalizedDocument, layers: Readonly<Partial<Layers>>): DateMention[] {
    return findDates(
      doc.text,
      need(layers, 'tokens'),
      doc.metadata.publishedAt,
      need(layers, 'sentences'),
      doc.sections,
    )
  },
} satisfies Stage<'dates'>
