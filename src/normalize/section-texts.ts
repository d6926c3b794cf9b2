import type { NormalizedDocument, SectionKind } from '../model/document.js'

/** Each section with the text it covers: for tests, debugging and display. */
export function sectionTexts(
  doc: NormalizedDocument,
): { kind: SectionKind; text: string; author?: string }[] {
  return doc.sections.map((section) => ({
    kind: section.kind,
    text: doc.text.slice(section.start, section.end),
    ...(section.author === undefined ? {} : { author: section.author }),
  }))
}
