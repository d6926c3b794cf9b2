/**
 * @module
 * The keys that can join a document to others in a story: the names of its entities (people,
 * organisations, places; marked salient when mentioned several times, or in the title, or at all
 * in a short text) and its events (type family at place). When the analysis has no entities yet, recurring capitalised names
 * in the text stand in for them, so a brief of a fresh pipeline still groups documents.
 */
import type { EntityType } from '../model/analysis.js'
import type { DocumentView } from './document-view.js'

/** Entity types that can identify a story. NORP ("Vostranian") and MISC are too general. */
const LINKING_TYPES: ReadonlySet<EntityType> = new Set([
  'PERSON',
  'ORG',
  'GPE',
  'FAC',
  'LOC',
  'EVENT',
])

/** Mentions an entity needs in a document to be salient there (title mentions always count). */
const MIN_MENTIONS = 2

/** A document with at most this many counted sentences is short: every mention is salient. */
const SHORT_DOCUMENT_SENTENCES = 6

/** At most this many names per document take part in linking (the most mentioned). */
const MAX_KEYS_PER_DOCUMENT = 60

/**
 * Event types that report one kind of happening: a shooting at a hall and a massacre at the same
 * hall link their documents. Types not listed are their own family.
 */
const EVENT_FAMILIES: Readonly<Record<string, string>> = {
  attack: 'attack',
  shooting: 'attack',
  bombing: 'attack',
  explosion: 'attack',
  massacre: 'attack',
  arson: 'attack',
  stabbing: 'attack',
  hostage_taking: 'attack',
  assault: 'attack',
  arrest: 'arrest',
  detention: 'arrest',
}

/** The family an event type links under ("shooting" → "attack"). */
export function eventFamily(type: string): string {
  return EVENT_FAMILIES[type] ?? type
}

export interface LinkKey {
  /**
   * `name:<normalized name>` for entities (and the capitalised names that stand in for them), or
   * `event:<family>@<normalized place>`. Names, not `Entity.key`, so that one name typed
   * differently by two documents ("Westria" as GPE and as PERSON) still links them.
   */
  readonly key: string
  readonly kind: 'entity' | 'event'
  /**
   * Salient in this document: mentioned at least twice, or in the title, or at all in a short
   * document. Two documents join when a pair of names salient in one is mentioned in the other.
   */
  readonly salient: boolean
  /** What the brief shows for it ("Velenor", "attack at Velenor"). */
  readonly label: string
}

/**
 * Words that start with a capital in scraped pages without being names: sentence openers, page
 * furniture, days and months. Only used by the fallback when no entities were extracted.
 */
const NOT_NAMES = new Set(
  (
    'a an and as at but by for from he her his i if in it its my no not of on or our she so the their ' +
    'then there these they this those to we what when where who why with you your ' +
    'home world news reply share related subscribe sign search email print comment name website ' +
    'posted leave like follow privacy terms contact about archive advertisement cookies menu ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december breaking update updated live ' +
    'one two three four five six seven eight nine ten all every some many after before said says'
  ).split(' '),
)

/** Capitalised words, joined across spaces on one line (and "of", "the": "Ministry of Interior"). */
const CAPITALISED_NAME =
  /\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu

/** Text before a match that ends a sentence or line: the match is sentence-initial. */
const SENTENCE_START = /(?:^|[.!?:]["”’)]?\s+|\n\s*|["“(]\s*)$/u

/** Link keys of one document, most salient first. */
export function linkKeys(view: DocumentView): LinkKey[] {
  const { analysis } = view
  const keys: LinkKey[] = []
  const counted = analysis.sentences.filter((s) => !view.isDiscounted(s)).length
  const short = counted <= SHORT_DOCUMENT_SENTENCES

  // One name typed two ways in one document ("Kaldria" as GPE and ORG) is one name here.
  const names = new Map<string, { label: string; mentions: number; inTitle: boolean }>()
  for (const entity of analysis.entities) {
    if (!LINKING_TYPES.has(entity.type)) continue
    const mentions = entity.mentions.filter((m) => !view.isDiscounted(m))
    if (mentions.length === 0) continue
    const key = `name:${normalizeName(entity.name)}`
    const entry = names.get(key) ?? { label: entity.name, mentions: 0, inTitle: false }
    entry.mentions += mentions.length
    entry.inTitle ||= mentions.some((m) => view.sectionAt(m.start)?.kind === 'title')
    names.set(key, entry)
  }
  const found = analysis.entities.length > 0 ? names : fallbackNames(view)
  const entityKeys = [...found.entries()]
    .map(([key, e]) => ({
      key,
      kind: 'entity' as const,
      salient: e.mentions >= MIN_MENTIONS || e.inTitle || short,
      label: e.label,
      weight: e.mentions + (e.inTitle ? MIN_MENTIONS : 0),
    }))
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))
    .slice(0, MAX_KEYS_PER_DOCUMENT)
  keys.push(...entityKeys.map(({ key, kind, salient, label }) => ({ key, kind, salient, label })))

  for (const event of analysis.events) {
    if (event.place === null || view.isDiscounted(event.trigger)) continue
    const placeEntity = event.place.entity === null ? undefined : view.entity(event.place.entity)
    const place = placeEntity?.name ?? event.place.text
    const family = eventFamily(event.type)
    keys.push({
      key: `event:${family}@${normalizeName(place)}`,
      kind: 'event',
      salient: true,
      label: `${family} at ${place}`,
    })
    // The place as this document words it, too: when its entity took a fuller name ("Amber Crown
    // Hall" joined "Amber Crown Concert Hall"), another document may only have the short form.
    const worded = event.place.text.replace(/^the\s+/i, '')
    if (normalizeName(worded) !== normalizeName(place)) {
      keys.push({
        key: `event:${family}@${normalizeName(worded)}`,
        kind: 'event',
        salient: true,
        label: `${family} at ${worded}`,
      })
    }
  }
  return dedupe(keys)
}

/**
 * Capitalised names in counted text, as stand-ins for entities: every multi-word name, and every
 * single word that is capitalised somewhere other than at the start of a sentence or line.
 */
function fallbackNames(
  view: DocumentView,
): Map<string, { label: string; mentions: number; inTitle: boolean }> {
  const { text, sections } = view.analysis
  const found = new Map<
    string,
    { label: string; mentions: number; inTitle: boolean; midSentence: boolean }
  >()
  const regions =
    sections.length > 0 ? sections : [{ kind: 'body' as const, start: 0, end: text.length }]
  for (const region of regions) {
    if (region.kind === 'boilerplate') continue
    const slice = text.slice(region.start, region.end)
    for (const match of slice.matchAll(CAPITALISED_NAME)) {
      const start = region.start + match.index
      if (view.isDiscounted({ start, end: start + match[0].length })) continue
      const label = trimName(match[0])
      if (label === null) continue
      const key = `name:${normalizeName(label)}`
      const entry = found.get(key) ?? { label, mentions: 0, inTitle: false, midSentence: false }
      entry.mentions += 1
      entry.inTitle ||= region.kind === 'title'
      entry.midSentence ||= label.includes(' ') || !SENTENCE_START.test(slice.slice(0, match.index))
      found.set(key, entry)
    }
  }
  return new Map([...found].filter(([, e]) => e.midSentence))
}

/** Drop leading and trailing function words ("The Black Meridian Front" → "Black Meridian Front"). */
function trimName(raw: string): string | null {
  const words = raw.split(/\s+/).map((w) => w.replace(/['’]s$/u, ''))
  while (words.length > 0 && NOT_NAMES.has(words[0]!.toLowerCase())) words.shift()
  while (words.length > 0 && NOT_NAMES.has(words[words.length - 1]!.toLowerCase())) words.pop()
  const name = words.join(' ')
  return name.length >= 3 ? name : null
}

/** Names normalized so far: one brief asks for the same few names thousands of times. */
const normalized = new Map<string, string>()
const NORMALIZED_KEPT = 50_000

/** Lowercased, accent-free, whitespace-collapsed name: the brief's cross-document join key. */
export function normalizeName(name: string): string {
  let key = normalized.get(name)
  if (key === undefined) {
    key = name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[’']/g, "'")
      .replace(/\s+/g, ' ')
      .trim()
    if (normalized.size >= NORMALIZED_KEPT) normalized.clear()
    normalized.set(name, key)
  }
  return key
}

function dedupe(keys: readonly LinkKey[]): LinkKey[] {
  const seen = new Set<string>()
  return keys.filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)))
}
