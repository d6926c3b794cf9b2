/**
 * Tidies a block's text: collapses runs of spaces, tabs and odd Unicode spaces within lines, drops
 * zero-width characters, trims lines, keeps single line breaks and turns any run of blank lines
 * into one paragraph break ("\n\n").
 */
export function cleanWhitespace(text: string): string {
  return (
    text
      // Alternation, not a class: U+200D in a class reads as joining its neighbours.
      .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')
      .split(/\n[ \t\u00A0]*\n\s*/)
      .map((paragraph) =>
        paragraph
          .split('\n')
          .map((line) =>
            line.replace(/[ \t\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ').trim(),
          )
          .filter((line) => line !== '')
          .join('\n'),
      )
      .filter((paragraph) => paragraph !== '')
      .join('\n\n')
  )
}
