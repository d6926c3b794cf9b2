/**
 * @module
 * The `events` stage (baseline): event triggers from a lexicon, merged per type into one event per
 * document (a report mentions its main event in many sentences), with the date, place, agents and
 * figures (killed, injured, attackers, arrested …) found in the trigger sentences.
 */
import type {
  DateMention,
  Entity,
  Event,
  EventDate,
  Figure,
  Quantity,
} from '../../model/analysis.js'
import type { NormalizedDocument, Span } from '../../model/document.js'
import { readJson, readWordSet } from '../lexicon.js'
import { need, type Layers, type Stage, type Tokens } from '../stage.js'
import { tokenAtOrAfter } from '../token-search.js'
import { lowerWords } from '../words.js'
import { figureAsOf } from './as-of.js'
import { measureQuantities } from './figures.js'
import {
  findAgents,
  findPlace,
  mentionsBySentence,
  type MentionInTokens,
  type PlaceCandidate,
} from './roles.js'
import { findTriggers, type TriggerMention } from './triggers.js'

const STAGE = 'events'

/** Event types that are not the violent happening itself. */
const SECONDARY_TYPES: ReadonlySet<string> = new Set(['arrest', 'claim', 'foiled_plot'])
/** Measures that belong to an event type of their own when one is in the sentence. */
const MEASURE_HOME: ReadonlyMap<string, string> = new Map([
  ['arrested', 'arrest'],
  ['hostages', 'hostage_taking'],
])

/** All mentions of one event type, merged. */
interface Draft {
  readonly type: string
  readonly mentions: TriggerMention[]
  readonly figures: Figure[]
}

const DATELINE_DASHES: ReadonlySet<string> = new Set(['—', '–', '-', '--', ':'])
const speechVerbs = readWordSet('speech-verbs.txt')
/** Words between a speech verb and its date ("said late on Saturday"). */
const DATE_LEADS: ReadonlySet<string> = new Set(['on', 'late', 'early', 'this', 'last', 'in', 'at'])

/** "DRAVNIK, March 22, 2026 — …": a date near the sentence start, followed by a dash. */
function isDateline(
  tokens: Tokens,
  words: readonly string[],
  date: DateMention,
  first: number,
): boolean {
  let sentenceStart = first
  while (sentenceStart > 0 && tokens.sentence[sentenceStart - 1] === tokens.sentence[first])
    sentenceStart--
  if (first - sentenceStart > 6) return false
  let after = first
  while (after < tokens.count && tokens.ends[after]! <= date.end) after++
  return after < tokens.count && DATELINE_DASHES.has(words[after]!)
}

/** "… the ministry said on Saturday": the date of the statement, not of the event. */
function isStatementDate(tokens: Tokens, words: readonly string[], first: number): boolean {
  let j = first - 1
  while (
    j >= 0 &&
    j >= first - 3 &&
    tokens.sentence[j] === tokens.sentence[first] &&
    DATE_LEADS.has(words[j]!)
  )
    j--
  return j >= 0 && tokens.sentence[j] === tokens.sentence[first] && speechVerbs.has(words[j]!)
}

/** A date candidate for an event: lower `rank` is better (0: plain, 1: dateline or statement date). */
interface DateCandidate {
  readonly date: DateMention
  readonly rank: number
  readonly distance: number
}

/** The best date mention in the trigger's sentence: plain dates first, then the nearest. */
function sentenceDate(
  dates: readonly DateMention[],
  tokens: Tokens,
  words: readonly string[],
  trigger: TriggerMention,
): DateCandidate | undefined {
  let best: DateCandidate | undefined
  for (const date of dates) {
    const token = tokenAtOrAfter(tokens, date.start)
    if (token >= tokens.count || tokens.sentence[token] !== trigger.sentence) continue
    const distance = token >= trigger.end ? token - trigger.end : trigger.start - token
    const rank =
      isDateline(tokens, words, date, token) || isStatementDate(tokens, words, token) ? 1 : 0
    if (best === undefined || rank < best.rank || (rank === best.rank && distance < best.distance))
      best = { date, rank, distance }
  }
  return best
}

/** Is `[start, end)` inside a repeated paragraph (counted once, at its first occurrence)? */
function inRepeat(repeats: readonly Span[], start: number, end: number): boolean {
  for (const r of repeats) if (start >= r.start && end <= r.end) return true
  return false
}

function toEventDate(date: DateMention): EventDate {
  return {
    start: date.start,
    end: date.end,
    text: date.text,
    value: date.value,
    relative: date.relative,
  }
}

const mainPriority: readonly string[] = readJson<{ mainPriority: string[] }>(
  'event-triggers.json',
).mainPriority

/**
 * The document's main happening, which collects the figures: the violent event type first in the
 * lexicon's `mainPriority` ("attack" before "shooting"), else the first violent one, else the first.
 */
function mainEvent(drafts: readonly Draft[]): Draft {
  let best: Draft | undefined
  let bestRank = Infinity
  for (const draft of drafts) {
    if (SECONDARY_TYPES.has(draft.type)) continue
    const index = mainPriority.indexOf(draft.type)
    const rank = index === -1 ? mainPriority.length : index
    if (rank < bestRank) {
      best = draft
      bestRank = rank
    }
  }
  return best ?? drafts[0]!
}

/** Build the events of one document from its layers. */
export function findEvents(
  text: string,
  tokens: Tokens,
  entities: readonly Entity[],
  quantities: readonly Quantity[],
  dates: readonly DateMention[],
  repeats: readonly Span[] = [],
): Event[] {
  const words = lowerWords(text, tokens)
  const triggers = findTriggers(tokens, words).filter(
    (t) =>
      repeats.length === 0 || !inRepeat(repeats, tokens.starts[t.start]!, tokens.ends[t.end - 1]!),
  )
  if (triggers.length === 0) return []

  // Merge mentions by type, in order of first mention.
  const drafts: Draft[] = []
  const byType = new Map<string, Draft>()
  const bySentence = new Map<number, Draft[]>()
  for (const trigger of triggers) {
    let draft = byType.get(trigger.type)
    if (draft === undefined) {
      draft = { type: trigger.type, mentions: [], figures: [] }
      byType.set(trigger.type, draft)
      drafts.push(draft)
    }
    draft.mentions.push(trigger)
    const here = bySentence.get(trigger.sentence) ?? []
    if (!here.includes(draft)) here.push(draft)
    bySentence.set(trigger.sentence, here)
  }
  const main = mainEvent(drafts)

  // Attach each measured quantity to one event. A measure with a type of its own (arrested →
  // arrest) goes to that event when its sentence mentions it; every other figure goes to the main
  // (first violent) event, since "attack", "opened fire" and "blast" in one report are usually
  // one happening; a sentence that mentions only secondary events keeps the figure there.
  const counted =
    repeats.length === 0 ? quantities : quantities.filter((q) => !inRepeat(repeats, q.start, q.end))
  const quantityTokens = quantities.map((q) => tokenAtOrAfter(tokens, q.start))
  for (const measured of measureQuantities(text, tokens, words, counted)) {
    const asOf = figureAsOf(dates, tokens, words, measured.token, quantityTokens)
    const figure: Figure = asOf === undefined ? measured.figure : { ...measured.figure, asOf }
    const home = MEASURE_HOME.get(figure.measure)
    const local = bySentence.get(figure.sentence)
    let target: Draft | undefined
    if (local !== undefined) {
      target =
        (home !== undefined ? local.find((d) => d.type === home) : undefined) ??
        (local.some((d) => !SECONDARY_TYPES.has(d.type)) ? main : undefined) ??
        (home === undefined && !SECONDARY_TYPES.has(main.type) ? main : local[0])
    } else {
      target = (home !== undefined ? byType.get(home) : undefined) ?? main
    }
    target?.figures.push(figure)
  }

  const entityMentions = mentionsBySentence(tokens, entities)
  const roles = drafts.map((draft) => eventRoles(draft, dates, tokens, words, entityMentions))
  // The main event's other violent mentions ("opened fire", "set fire") describe the same
  // happening: when its own sentences give no date or place, theirs do.
  const mainIndex = drafts.indexOf(main)
  const mainRoles = roles[mainIndex]!
  roles.forEach((other, index) => {
    if (index === mainIndex || SECONDARY_TYPES.has(drafts[index]!.type)) return
    if (
      other.date !== undefined &&
      (mainRoles.date === undefined || other.date.rank < mainRoles.date.rank)
    ) {
      mainRoles.date = other.date
    }
    if (mainRoles.place === undefined) mainRoles.place = other.place
  })
  const firstDate = dates[0]
  return drafts.map((draft, index): Event => {
    const first = draft.mentions[0]!
    const { date, place, agents } = roles[index]!
    const eventDate: EventDate | null =
      date !== undefined
        ? toEventDate(date.date)
        : firstDate !== undefined
          ? toEventDate(firstDate)
          : null
    const start = tokens.starts[first.start]!
    const end = tokens.ends[first.end - 1]!
    return {
      id: `EV${index + 1}`,
      type: draft.type,
      trigger: { start, end, text: text.slice(start, end) },
      date: eventDate,
      place: place?.place ?? null,
      agents,
      figures: draft.figures.sort((a, b) => a.span.start - b.span.start),
      sentence: first.sentence,
      provenance: { stage: STAGE, rule: `trigger:${first.phrase}` },
    }
  })
}

/** Date, place and agents of one merged event, from the sentences of its mentions. */
interface Roles {
  date: DateCandidate | undefined
  place: PlaceCandidate | undefined
  readonly agents: string[]
}

function eventRoles(
  draft: Draft,
  dates: readonly DateMention[],
  tokens: Tokens,
  words: readonly string[],
  entityMentions: ReadonlyMap<number, readonly MentionInTokens[]>,
): Roles {
  const roles: Roles = { date: undefined, place: undefined, agents: [] }
  draft.mentions.forEach((mention, order) => {
    const found = sentenceDate(dates, tokens, words, mention)
    if (found !== undefined && (roles.date === undefined || found.rank < roles.date.rank))
      roles.date = found
    const mentions = entityMentions.get(mention.sentence) ?? []
    const candidate = findPlace(words, mention, mentions, order)
    if (candidate !== null && (roles.place === undefined || candidate.score < roles.place.score)) {
      roles.place = candidate
    }
    for (const agent of findAgents(words, mention, mentions)) {
      if (!roles.agents.includes(agent)) roles.agents.push(agent)
    }
  })
  return roles
}

export const eventsStage = {
  name: STAGE,
  needs: ['sentences', 'tokens', 'entities', 'quantities', 'dates'],
  provides: 'events',
  run(doc: NormalizedDocument, layers: Readonly<Partial<Layers>>): Event[] {
    return findEvents(
      doc.text,
      need(layers, 'tokens'),
      need(layers, 'entities'),
      need(layers, 'quantities'),
      need(layers, 'dates'),
      doc.repeats,
    )
  },
} satisfies Stage<'events'>
