/**
 * @module
 * Event coreference inside a story: the event mentions of its documents grouped into events. Two
 * mentions are one event when they are of one family (an attack, a shooting and a massacre are
 * one family; an arrest is another) and their places or their dates agree: the same attack
 * reported by several documents is one event, while an attack and the arrest two days later, or
 * two attacks by one group at two places weeks apart, stay apart.
 */

/** Event types of one family describe one happening from different angles. */
const FAMILIES: Readonly<Record<string, string>> = {
  attack: 'attack',
  shooting: 'attack',
  bombing: 'attack',
  arson: 'attack',
  massacre: 'attack',
  stabbing: 'attack',
  hostage_taking: 'attack',
  cyberattack: 'cyberattack',
  claim: 'attack',
  arrest: 'arrest',
  foiled_plot: 'arrest',
  raid: 'arrest',
}

/** Dates this many days apart may still describe one event (reports resolve dates loosely). */
const DATE_SLACK_DAYS = 2
/** Reports of one place this many days apart are still one event (dates resolved loosely). */
const SAME_PLACE_SLACK_DAYS = 7

export function eventFamily(type: string): string {
  return FAMILIES[type] ?? type
}

export interface EventMention {
  readonly type: string
  /** ISO date (YYYY-MM-DD or longer), or null. */
  readonly date: string | null
  /** Normalized place name, or null. */
  readonly place: string | null
  /** `venue` for a building or site, `area` for a town, region or country (the default). */
  readonly placeLevel?: 'venue' | 'area'
  /** Join keys of the agents. */
  readonly agents: readonly string[]
  readonly document: string
}

export interface EventCluster<M extends EventMention = EventMention> {
  readonly family: string
  /** The most common type, date and place among the mentions (null when none gives one). */
  readonly type: string
  readonly date: string | null
  readonly place: string | null
  readonly mentions: readonly M[]
}

const dayOf = (date: string | null) => {
  if (date === null) return null
  const t = Date.parse(date.slice(0, 10))
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000)
}

/** A place name lower-cased, with runs of other characters as one space, padded with spaces. */
function paddedPlace(name: string): string {
  return ` ${name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `
}

/** Places agree when one name contains the other word for word ("Amber Crown" in "Amber Crown Hall"). */
export function samePlace(a: string, b: string): boolean {
  return samePadded(paddedPlace(a), paddedPlace(b))
}

function samePadded(wa: string, wb: string): boolean {
  return wa.includes(wb) || wb.includes(wa) || firstWords(wa) === firstWords(wb)
}

/** The first two words of a venue name ("amber crown" of "Amber Crown Hall"). */
function firstWords(padded: string): string {
  const words = padded.trim().split(' ')
  return words.length >= 2 ? words.slice(0, 2).join(' ') : `\u0000${padded}`
}

/**
 * A cluster being built, with what `fits` asks of its members kept as sets: the distinct days,
 * the distinct places, and which place levels occur. The answers are those of asking every member.
 */
interface OpenCluster<M> {
  readonly family: string
  readonly members: M[]
  readonly days: Set<number>
  readonly places: Set<string>
  readonly levels: Set<'venue' | 'area'>
}

/**
 * Group mentions into events. Mentions with a place and a date are placed first, so that vague
 * mentions join the event they fit rather than starting their own.
 */
export function clusterEvents<M extends EventMention>(mentions: readonly M[]): EventCluster<M>[] {
  const order = [...mentions.keys()].sort((i, j) => {
    const score = (m: M) => Number(m.place !== null) + Number(m.date !== null)
    return score(mentions[j]!) - score(mentions[i]!) || i - j
  })
  const clusters: OpenCluster<M>[] = []
  const padded = new Map<string, string>()
  const pad = (place: string) => {
    let p = padded.get(place)
    if (p === undefined) padded.set(place, (p = paddedPlace(place)))
    return p
  }
  for (const i of order) {
    const m = mentions[i]!
    const family = eventFamily(m.type)
    const day = dayOf(m.date)
    const place = m.place === null ? null : pad(m.place)
    const level = m.placeLevel ?? 'area'
    const fits = (c: OpenCluster<M>) => {
      if (c.family !== family) return false
      const within = (slack: number) => {
        if (day === null || c.days.size === 0) return true
        for (const d of c.days) if (Math.abs(d - day) <= slack) return true
        return false
      }
      let placeAgrees = false
      if (place !== null)
        for (const p of c.places)
          if (samePadded(p, place)) {
            placeAgrees = true
            break
          }
      // Places conflict only at one level: two venues, or two towns; a venue and its country do not.
      // Two towns (or a town and its country: no gazetteer says which) conflict only on
      // different days.
      const sameDay = day !== null && c.days.has(day)
      const placeConflict =
        !placeAgrees && place !== null && c.levels.has(level) && (level === 'venue' || !sameDay)
      return (
        (placeAgrees && within(SAME_PLACE_SLACK_DAYS)) ||
        (within(DATE_SLACK_DAYS) && !placeConflict)
      )
    }
    let home = clusters.find(fits)
    if (home === undefined) {
      home = { family, members: [], days: new Set(), places: new Set(), levels: new Set() }
      clusters.push(home)
    }
    home.members.push(m)
    if (day !== null) home.days.add(day)
    if (place !== null) {
      home.places.add(place)
      home.levels.add(level)
    }
  }
  // Each mention's first position in the input (a mention given twice sorts by its first).
  const position = new Map<M, number>()
  mentions.forEach((m, i) => {
    if (!position.has(m)) position.set(m, i)
  })
  return clusters.map(({ family, members }) => {
    const sorted = [...members].sort((a, b) => position.get(a)! - position.get(b)!)
    return {
      family,
      type: mode(sorted.map((m) => m.type).filter((t) => t !== 'claim')) ?? sorted[0]!.type,
      date: mode(sorted.map((m) => m.date?.slice(0, 10) ?? null)),
      place: mode(sorted.map((m) => m.place)),
      mentions: sorted,
    }
  })
}

/** The most common non-null value (the longest on a tie, then the first seen). */
function mode(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | null = null
  for (const [v, n] of counts) {
    const bn = best === null ? 0 : counts.get(best)!
    if (n > bn || (n === bn && best !== null && v.length > best.length)) best = v
  }
  return best
}
