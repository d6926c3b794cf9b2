/**
 * An author as pages print it → a name, or null: drops "By", trailing dates, agencies and roles
 * after a comma or bar, and values that are URLs or too long to be a name.
 */
export function cleanAuthor(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const name = value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(written\s+|posted\s+)?by:?\s+/i, '')
    .replace(/^author:?\s+/i, '')
    .split(/\s+(?:[|·•—–]|-\s)\s*|\s+on\s+(?=\p{Lu}|\d)|\s+(?:published|updated|posted)\b/iu)[0]
    ?.replace(/[,;:]\s*$/, '')
    .trim()
    // "Hanna Brekke, Northgate Wire": what follows a comma is an agency or a job title, unless
    // the comma separates a list of names ("A, B and C").
    .replace(/,\s*(.*)$/, (whole, rest: string) => (/\sand\s|&/.test(rest) ? whole : ''))
  if (
    name === undefined ||
    name === '' ||
    name.length > 80 ||
    /^https?:\/\//i.test(name) ||
    /^\d/.test(name)
  )
    return null
  return name
}
