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
        patterns.some((pattern) => pattern.test(line.trim()))
      )
    },
    isListHeader: (line) => {
      const key = lineKey(line)
      // "More from World", "Read more about the blast": a short header naming the list.
      return listHeaders.has(key) || (key.length <= 40 && [...listHeaders].some((header) => key.startsWith(`${header} `)))
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
