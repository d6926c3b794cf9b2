/**
 * @module
 * One normalization for every name lookup (gazetteers, aliases, titles, merging), so that a name
 * written with different tokenization, case, quotes or accents still finds its entry:
 * "al - Qaeda", "Al-Qaeda" and "al-Qaeda" all become "al-qaeda"; "Élysée" becomes "elysee".
 */

const MARKS = /\p{M}+/gu
const JOINERS = /\s*([-'’‘/&.])\s*/g
const SPACES = /\s+/g

/** Lowercased, accent-free, quote-unified key with no spaces around hyphens and apostrophes. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(JOINERS, (_m, joiner: string) => (joiner === '’' || joiner === '‘' ? "'" : joiner))
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase()
}

/** Like `nameKey`, but keeps case: for short all-caps aliases ("US", "IS") that must not match "us", "is". */
export function caseKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(JOINERS, (_m, joiner: string) => (joiner === '’' || joiner === '‘' ? "'" : joiner))
    .replace(SPACES, ' ')
    .trim()
}

/** A slug for canonical keys: "United States" → "united-states". */
export function slug(name: string): string {
  return nameKey(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
