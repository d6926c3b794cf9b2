/**
 * @module
 * Test helper: the layers the claims stage reads, built from plain text. Sentences come from the
 * real sentences stage; entities are given by hand (name, type, other spellings) so that the
 * claims tests do not depend on the entity recogniser.
 */
import type { Entity, EntityType, Sentence } from '../../model/analysis.js'
import type { NormalizedDocument, Section } from '../../model/document.js'
import { sentencesStage } from '../sentences/index.js'

export interface GivenEntity {
  readonly name: string
  readonly type: EntityType
  /** Other spellings that are mentions of the same entity ("Varga" for "Lena Varga"). */
  readonly aliases?: readonly string[]
}

export interface TestLayers {
  readonly doc: NormalizedDocument
  readonly sentences: readonly Sentence[]
  readonly entities: readonly Entity[]
}

/** A document of `text` with the given sections (default: one body section) and entities. */
export function layersOf(
  text: string,
  given: readonly GivenEntity[] = [],
  sections: readonly Section[] = [{ kind: 'body', start: 0, end: text.length }],
): TestLayers {
  const doc: NormalizedDocument = {
    metadata: { source: 'test', title: null, author: null, site: null, publishedAt: null, kind: 'article', language: 'en' },
    text,
    sections,
    repeats: [],
    diagnostics: [],
  }
  const sentences = sentencesStage.run(doc)
  const taken: [number, number][] = []
  const entities = given.map((g, n): Entity => {
    const mentions: Entity['mentions'][number][] = []
    // Longest spellings first, so "Lena Varga" is one mention, not "Varga" inside it.
    for (const spelling of [g.name, ...(g.aliases ?? [])].sort((a, b) => b.length - a.length)) {
      const pattern = new RegExp(`\\b${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g')
      for (const m of text.matchAll(pattern)) {
        const start = m.index
        const end = start + spelling.length
        if (taken.some(([s, e]) => s < end && start < e)) continue
        taken.push([start, end])
        mentions.push({ start, end, text: spelling, provenance: { stage: 'test', rule: 'given' } })
      }
    }
    mentions.sort((a, b) => a.start - b.start)
    return {
      id: `E${n + 1}`,
      name: g.name,
      type: g.type,
      key: `${g.type}:${g.name.toLowerCase()}`,
      mentions,
      provenance: { stage: 'test', rule: 'given' },
    }
  })
  return { doc, sentences, entities }
}
