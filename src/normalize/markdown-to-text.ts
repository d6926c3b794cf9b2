/** What Markdown reading yields: the text, the first `#` heading, and YAML front matter fields. */
export interface MarkdownText {
  readonly title: string | null
  readonly text: string
  /** `key: value` pairs of a leading `---` block, values unquoted (nested YAML is ignored). */
  readonly frontMatter: Readonly<Record<string, string>>
}

/** Markdown → plain text (one line per paragraph, list item or heading) and its first `#` title. */
export function markdownToText(source: string): MarkdownText {
  const { frontMatter, markdown } = splitFrontMatter(source)
  let title: string | null = null
  const paragraphs: string[] = []
  let current: string[] = []
  let fenced = false
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '))
    current = []
  }
  for (const rawLine of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      flush()
      fenced = !fenced
      continue
    }
    if (fenced) {
      // Code is kept line by line, as it is.
      if (rawLine.trim() !== '') paragraphs.push(rawLine.trim())
      continue
    }
    const line = rawLine.trim()
    if (line === '' || /^([-*_])(\s*\1){2,}$/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line)) {
      flush()
      continue
    }
    // Setext underline: the previous line was a heading.
    if (/^(=+|-+)$/.test(line) && current.length > 0) {
      const heading = stripInline(current.join(' '))
      current = []
      if (line.startsWith('=') && title === null) title = heading
      else paragraphs.push(heading)
      continue
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line)
    if (heading !== null) {
      flush()
      const text = stripInline(heading[2] ?? '')
      if (heading[1] === '#' && title === null) title = text
      else paragraphs.push(text)
      continue
    }
    const item = /^(?:>\s*)*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line)
    if (item !== null) {
      flush()
      current.push(stripInline(item[1] ?? ''))
      continue
    }
    current.push(stripInline(line.replace(/^(?:>\s?)+/, '')))
  }
  flush()
  return { title, text: paragraphs.filter((p) => p !== '').join('\n\n'), frontMatter }
}

function splitFrontMatter(source: string): {
  frontMatter: Record<string, string>
  markdown: string
} {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source)
  if (match === null) return { frontMatter: {}, markdown: source }
  const frontMatter: Record<string, string> = {}
  for (const line of (match[1] ?? '').split('\n')) {
    const field = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line)
    if (field?.[1] === undefined || field[2] === undefined || field[2] === '') continue
    frontMatter[field[1].toLowerCase()] = field[2].replace(/^(["'])(.*)\1$/, '$2')
  }
  return { frontMatter, markdown: source.slice(match[0].length) }
}

/** Inline markup → its text: images dropped (alt kept), links keep their text, emphasis and code unwrapped. */
function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .trim()
}
