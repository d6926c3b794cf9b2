import { readDataJson } from './read-data-json.js'

interface BoilerplateData {
  readonly lines: readonly string[]
  readonly prefixes: readonly string[]
  readonly patterns: readonly string[]
  readonly listHeaders: readonly string[]
  readonly formHeaders: readonly string[]
  readonly commentHeaders: readonly string[]
  readonly commentActions: readonly string[]
}

/** The boilerplate data (`data/normalize/boilerplate.json`) compiled into line tests. */
export interface BoilerplateRules {
  /** Navigation, sharing, cookie notices and the like. */
  readonly isBoilerplate: (line: string) => boolean
  /** "Related stories", "More from …": a list of links follows. */
  readonly isListHeader: (line: string) => boolean
  /** "Leave a Reply" and friends: a comment form, boilerplate to the end. */
  readonly isFormHeader: (line: string) => boolean
  /** "12 thoughts on “…”", "3 Comments": a comment thread starts. */
  readonly isCommentHeader: (line: string) => boolean
  /** "Reply", "Report": buttons inside a thread. */
  readonly isCommentAction: (line: string) => boolean
}

let rules: BoilerplateRules | undefined

/** A line as the data lists compare it: lower case, single spaces, no trailing ':' '.' '…' '»'. */
export function lineKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:.…»›>|\-–—]+$/u, '')
    .replace(/^[\s«‹<|\-–—•·]+/u, '')
}

// Menu items in saved pages are separated by bars, bullets or runs of spaces.
const MENU_SEPARATOR = /\s{2,}|\t|\s*[|•·›»]\s*/u

/**
 * A line of menu items: several short segments, each a known boilerplate phrase, or (with three
 * segments or more) all short and none a sentence ("Home | World | Europe | Vostrana").
 */
function isMenuLine(line: string, phrases: ReadonlySet<string>): boolean {
  const segments = line
    .trim()
    .split(MENU_SEPARATOR)
    .filter((segment) => segment !== '')
  if (segments.length < 2) return false
  if (segments.every((segment) => phrases.has(lineKey(segment)))) return true
  return (
    segments.length >= 3 &&
    segments.every(
      (segment) =>
        segment.length <= 30 && !/[.!?]$/.test(segment) && segment.split(' ').length <= 4,
    )
  )
}

/** Compiles the data file once per process. */
export function boilerplateRules(): BoilerplateRules {
  if (rules !== undefined) return rules
  const data = readDataJson<BoilerplateData>('boilerplate.json')
  const lines = new Set(data.lines)
  const patterns = data.patterns.map((source) => new RegExp(source, 'iu'))
  const listHeaders = new Set(data.listHeaders)
  const formHeaders = new Set(data.formHeaders)
  const commentHeaders = data.commentHeaders.map((source) => new RegExp(source, 'iu'))
  const commentActions = new Set(data.commentActions)
  rules = {
    isBoilerplate: (line) => {
      const key = lineKey(line)
      const lower = line.trim().toLowerCase()
      return (
        lines.has(key) ||
        data.prefixes.some((prefix) => lower.startsWith(prefix)) ||
        patterns.some((pattern) => pattern.test(line.trim())) ||
        isMenuLine(line, lines)
      )
    },
    isListHeader: (line) => {
      const key = lineKey(line)
      // "More from World", "Read more about the blast": a short header naming the list.
      return (
        listHeaders.has(key) ||
        (key.length <= 40 && [...listHeaders].some((header) => key.startsWith(`${header} `)))
      )
    },
    isFormHeader: (line) => {
      const key = lineKey(line)
      return formHeaders.has(key) || [...formHeaders].some((header) => key.startsWith(`${header} `))
    },
    isCommentHeader: (line) => commentHeaders.some((pattern) => pattern.test(lineKey(line))),
    isCommentAction: (line) => commentActions.has(lineKey(line)),
  }
  return rules
}
