const ELEMENT_NODE = 1
const TEXT_NODE = 3

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TR',
  'UL',
  'BODY',
  'HTML',
  'CAPTION',
  'TBODY',
  'THEAD',
  'TFOOT',
])

// Never text: scripts and styles, embedded media, form controls.
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'HEAD',
  'MATH',
])

/**
 * The visible text of a DOM subtree as paragraphs: one per block element (p, li, h2, …),
 * whitespace collapsed, `<br>` kept as a line break. Scripts, styles and form controls are skipped.
 */
export function htmlToParagraphs(root: Node): string[] {
  const paragraphs: string[] = []
  let buffer = ''
  const flush = (): void => {
    // Two <br> in a row (an empty line) separate paragraphs, as they do on screen.
    for (const chunk of buffer.split(/\n[ \t]*\n/)) {
      const text = chunk
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n')
      if (text !== '') paragraphs.push(text)
    }
    buffer = ''
  }
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += (node.nodeValue ?? '').replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 11 && node.nodeType !== 9) return
    const tag = node.nodeType === ELEMENT_NODE ? (node as Element).tagName.toUpperCase() : ''
    if (SKIPPED_TAGS.has(tag)) return
    if (tag === 'BR') {
      buffer += '\n'
      return
    }
    const block = BLOCK_TAGS.has(tag)
    if (block) flush()
    for (const child of Array.from(node.childNodes)) walk(child)
    if (tag === 'TD' || tag === 'TH') buffer += ' '
    if (block) flush()
  }
  walk(root)
  flush()
  return paragraphs
}
