const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)'
const MONTH_FIRST = new RegExp(
  `\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  'i',
)
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i')

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * A date as pages write it → ISO 8601, or null when it cannot be read. ISO dates stay dates;
 * date-times with a zone become UTC (`…Z`), without one a date; "March 3, 2026" and "3 March 2026" (zone unknown,
 * time of day often local to somebody) become a plain date rather than a guessed instant.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  const input = value?.trim()
  if (input === undefined || input === '') return null
  const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input)
  if (isoDate !== null) return validDate(Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3]))
  const monthFirst = MONTH_FIRST.exec(input)
  const dayFirst = DAY_FIRST.exec(input)
  // RFC 2822 ("Tue, 03 Mar 2026 10:00:00 GMT") and ISO date-times carry a zone: parse them exactly.
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b)\s*$/.test(input)
  if (hasZone) {
    const time = Date.parse(input.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, '$1T$2'))
    if (!Number.isNaN(time)) return new Date(time).toISOString()
  }
  // An ISO date-time without a zone names no instant: keep the date.
  const isoPrefix = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/.exec(input)
  if (isoPrefix !== null)
    return validDate(Number(isoPrefix[1]), Number(isoPrefix[2]), Number(isoPrefix[3]))
  if (monthFirst !== null) {
    const month = MONTHS[(monthFirst[1] ?? '').slice(0, 3).toLowerCase()]
    const date =
      month === undefined ? null : validDate(Number(monthFirst[3]), month, Number(monthFirst[2]))
    if (date !== null)
      return withZonedTime(date, input.slice(monthFirst.index + monthFirst[0].length))
  }
  if (dayFirst !== null) {
    const month = MONTHS[(dayFirst[2] ?? '').slice(0, 3).toLowerCase()]
    const date =
      month === undefined ? null : validDate(Number(dayFirst[3]), month, Number(dayFirst[1]))
    if (date !== null) return withZonedTime(date, input.slice(dayFirst.index + dayFirst[0].length))
  }
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(input)
  if (slashed !== null) return validDate(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]))
  return null
}

// Zones as pages abbreviate them, in minutes east of UTC. Only unambiguous ones: "IST" or "CST"
// could be several places, so a time with them stays a date.
const ZONES: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  WEST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  JST: 540,
  AEST: 600,
  AEDT: 660,
}

/**
 * A date plus the text after it: ", 23:40 CET" or " at 9:12 pm GMT" make an instant (UTC);
 * a time without a known zone names no instant, so the date stays a date.
 */
function withZonedTime(date: string, rest: string): string {
  const match =
    /^\s*,?\s*(?:at\s+)?(\d{1,2})[:.](\d{2})\s*([ap])?\.?m?\.?\s*(?:\(?([A-Z]{1,4})\)?|([+-]\d{2}):?(\d{2}))\b/i.exec(
      rest,
    )
  if (match === null) return date
  let hours = Number(match[1])
  const minutes = Number(match[2])
  const half = match[3]?.toLowerCase()
  if (half === 'p' && hours < 12) hours += 12
  if (half === 'a' && hours === 12) hours = 0
  const offset =
    match[4] !== undefined
      ? ZONES[match[4].toUpperCase()]
      : Math.sign(Number(match[5])) * (Math.abs(Number(match[5])) * 60 + Number(match[6]))
  if (offset === undefined || hours > 23 || minutes > 59) return date
  const [year, month, day] = date.split('-').map(Number)
  const utc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hours, minutes) - offset * 60_000
  return new Date(utc).toISOString()
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  return `${year}-${pad(month)}-${pad(day)}`
}
