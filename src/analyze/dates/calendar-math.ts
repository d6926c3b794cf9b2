/** A calendar day (proleptic Gregorian, no time zone). */
export interface Day {
  readonly year: number
  readonly month: number
  readonly day: number
}

const MS_PER_DAY = 86_400_000

/** The day part of an ISO 8601 date or date-time ("2026-03-23", "2026-03-23T08:00:00Z"), or null. */
export function dayOf(iso: string | null): Day | null {
  if (iso === null) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (match === null) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  return isValidDay(year, month, day) ? { year, month, day } : null
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

function toTime(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day)
}

function fromTime(time: number): Day {
  const date = new Date(time)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

export function addDays(d: Day, days: number): Day {
  return fromTime(toTime(d) + days * MS_PER_DAY)
}

/** Difference `a - b` in days. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toTime(a) - toTime(b)) / MS_PER_DAY)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: Day): number {
  return new Date(toTime(d)).getUTCDay()
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

export function formatDay(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`
}

/** ISO 8601 week date of the week containing `d` ("2026-W13"). */
export function formatIsoWeek(d: Day): string {
  // The week belongs to the year of its Thursday.
  const isoWeekday = (weekday(d) + 6) % 7
  const thursday = addDays(d, 3 - isoWeekday)
  const firstThursdayWeek =
    Math.floor(daysBetween(thursday, { year: thursday.year, month: 1, day: 1 }) / 7) + 1
  return `${pad(thursday.year, 4)}-W${pad(firstThursdayWeek, 2)}`
}

/** Shift by whole months, keeping the day in range (only year and month are used by callers). */
export function addMonths(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) }
}
