/**
 * @module
 * Within-document merging of typed mentions into entities: aliases resolve to one canonical name
 * (US / U.S. / United States), a surname or first name joins the full name seen elsewhere in the
 * document (Macron → Emmanuel Macron), an acronym defined in brackets joins its long form, and
 * metonyms (the Kremlin; a capital that speaks) are recorded in provenance.
 */
import type { Entity, EntityType, Mention } from '../../model/analysis.js'
import type { Gazetteer } from '../../ner/gazetteer.js'
import { nameKey, slug } from '../../ner/normalize.js'
import type { TypedMention } from '../stage.js'
import { titleKey, titleLength, type EntityLexicon } from './lexicon.js'

interface Group {
  key: string
  type: EntityType
  name: string
  /** Words of the fullest name (persons). */
  words: string[]
  mentions: Mention[]
  first: number
  rules: Set<string>
}

/** The mention's name: without a leading article, title or trailing possessive. */
export function mentionName(text: string, lex: EntityLexicon): string {
  let name = text
    .replace(/['’]s$/u, '')
    .replace(/^the\s+/i, '')
    .trim()
  const words = name.split(/\s+/)
  const title = titleLength(words, 0, words.length, lex)
  if (title > 0 && title < words.length) name = words.slice(title).join(' ')
  return name
}

function entityKey(type: EntityType, canonical: string): string {
  return `${type.toLowerCase()}:${slug(canonical)}`
}

function initials(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0] ?? '')
    .join('')
}

/**
 * One type per name within a document: the tagger may call "Kaldria" a place in one sentence and an
 * organisation in the next ("Kaldria's intelligence service"). A place type beats ORG/FAC (a country
 * acting is a metonym, not an organisation) unless ORG/FAC mentions outnumber the place ones more
 * than twice; otherwise the majority wins, ties going to the first.
 */
function voteTypes(
  text: string,
  mentions: TypedMention[],
  nameOf: (raw: string) => string,
): TypedMention[] {
  const votes = new Map<string, Map<EntityType, number>>()
  const slugs = new Map<string, string>()
  const keyOf = (m: TypedMention): string => {
    const name = nameOf(text.slice(m.start, m.end))
    let key = slugs.get(name)
    if (key === undefined) {
      key = slug(name)
      slugs.set(name, key)
    }
    return key
  }
  for (const m of mentions) {
    const key = keyOf(m)
    const counts = votes.get(key) ?? new Map<EntityType, number>()
    counts.set(m.type, (counts.get(m.type) ?? 0) + 1)
    votes.set(key, counts)
  }
  const winner = new Map<string, EntityType>()
  for (const [key, counts] of votes) {
    if (counts.size < 2) continue
    const types = [...counts.keys()]
    const place = types.find((t) => t === 'GPE' || t === 'LOC')
    // …unless the name is mostly an organisation's ("Korvex said … investors in Korvex").
    const org = (counts.get('ORG') ?? 0) + (counts.get('FAC') ?? 0)
    const places = (counts.get('GPE') ?? 0) + (counts.get('LOC') ?? 0)
    if (place !== undefined && !types.includes('PERSON') && org <= 2 * places) {
      winner.set(key, place)
      continue
    }
    let best = types[0] ?? 'MISC'
    for (const t of types) if ((counts.get(t) ?? 0) > (counts.get(best) ?? 0)) best = t
    winner.set(key, best)
  }
  if (winner.size === 0) return mentions
  return mentions.map((m) => {
    const type = winner.get(keyOf(m))
    if (type === undefined || type === m.type) return m
    return { ...m, type, provenance: { ...m.provenance, rule: `${m.provenance.rule}+type-vote` } }
  })
}

/** Merges one document's mentions (any order) into entities numbered by first mention. */
export function mergeEntities(
  text: string,
  mentions: readonly TypedMention[],
  gaz: Gazetteer,
  lex: EntityLexicon,
): Entity[] {
  // Each distinct mention text is normalized once per document.
  const names = new Map<string, string>()
  const nameOf = (raw: string): string => {
    let name = names.get(raw)
    if (name === undefined) {
      name = mentionName(raw, lex)
      names.set(raw, name)
    }
    return name
  }
  const sorted = voteTypes(
    text,
    [...mentions].sort((a, b) => a.start - b.start || b.end - a.end),
    nameOf,
  )
  const groups = new Map<string, Group>()
  const acronyms = new Map<string, string>()

  const canonicals = new Map<string, string>()
  const canonicalName = (key: string): string | undefined => canonicals.get(key)
  const add = (
    key: string,
    type: EntityType,
    name: string,
    m: TypedMention,
    rule: string,
  ): void => {
    let group = groups.get(key)
    if (group === undefined) {
      group = {
        key,
        type,
        name,
        words: name.split(/\s+/),
        mentions: [],
        first: m.start,
        rules: new Set(),
      }
      groups.set(key, group)
    }
    if (
      group.name !== canonicalName(key) &&
      (name === canonicalName(key) || name.length > group.name.length)
    ) {
      group.name = name
      group.words = name.split(/\s+/)
    }
    group.first = Math.min(group.first, m.start)
    group.mentions.push({
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      provenance: m.provenance,
    })
    group.rules.add(rule)
    const metonym = /metonym:[\w:-]+/.exec(m.provenance.rule)
    if (metonym !== null) group.rules.add(metonym[0])
  }

  // Multi-word organisation, facility and place names, for short forms to join.
  const longNames = new Map<
    string,
    { key: string; type: EntityType; name: string; words: string[] }
  >()
  for (const m of sorted) {
    if (m.type === 'PERSON' || m.type === 'NORP' || m.type === 'MISC') continue
    const name = nameOf(text.slice(m.start, m.end))
    const words = name.split(/\s+/)
    if (words.length < 2 || gaz.lookup(name) !== undefined) continue
    const key = entityKey(m.type, name)
    if (!longNames.has(key)) longNames.set(key, { key, type: m.type, name, words })
  }
  // A venue's short form joins its full name: "Amber Crown Hall" → "Amber Crown Concert Hall" (a
  // facility head word such as Hall or Stadium, same first and head word, the shorter one's words in order inside the longer), when exactly one
  // longer name fits.
  const fuller = new Map<string, { key: string; type: EntityType; name: string }>()
  for (const short of longNames.values()) {
    if (lex.placeWords.get(short.words[short.words.length - 1] ?? '') !== 'FAC') continue
    const fits = [...longNames.values()].filter(
      (l) =>
        l.words.length > short.words.length &&
        l.words[0] === short.words[0] &&
        l.words[l.words.length - 1] === short.words[short.words.length - 1] &&
        isSubsequence(short.words, l.words),
    )
    if (fits.length === 1 && fits[0] !== undefined) fuller.set(short.key, fits[0])
  }
  const longerName = (
    name: string,
  ): { key: string; type: EntityType; name: string } | undefined => {
    const words = name.split(/\s+/)
    const hits = new Map<string, { key: string; type: EntityType; name: string }>()
    for (const l of longNames.values()) {
      if (
        l.words.length > words.length &&
        (words.every((w, i) => l.words[i] === w) ||
          (words.length === 1 && l.words[l.words.length - 1] === words[0]))
      ) {
        const target = fuller.get(l.key) ?? l
        hits.set(target.key, target)
      }
    }
    return hits.size === 1 ? [...hits.values()][0] : undefined
  }

  // Pass 1: full person names (two words or more) fix the person entities.
  const persons: Group[] = []
  for (const m of sorted) {
    if (m.type !== 'PERSON') continue
    const name = nameOf(text.slice(m.start, m.end))
    if (name.split(/\s+/).length < 2 || longerName(name) !== undefined) continue
    const key = entityKey('PERSON', name)
    if (!groups.has(key)) {
      const group: Group = {
        key,
        type: 'PERSON',
        name,
        words: name.split(/\s+/),
        mentions: [],
        first: m.start,
        rules: new Set(),
      }
      groups.set(key, group)
      persons.push(group)
    }
  }
  // Surname and first name → the one full name that has it (ambiguous: left alone).
  const partOf = (word: string): Group | undefined => {
    const bySurname = persons.filter(
      (p) => p.words.length > 1 && p.words[p.words.length - 1] === word,
    )
    if (bySurname.length === 1) return bySurname[0]
    if (bySurname.length > 1) return undefined
    const byFirst = persons.filter((p) => p.words.length > 1 && p.words[0] === word)
    return byFirst.length === 1 ? byFirst[0] : undefined
  }

  // Pass 2: every mention finds its group.
  for (const m of sorted) {
    const raw = text.slice(m.start, m.end)
    const name = nameOf(raw)
    const words = name.split(/\s+/)
    if (m.type === 'PERSON') {
      const longer = words.length < 3 ? longerName(name) : undefined
      if (longer !== undefined) {
        add(longer.key, longer.type, longer.name, m, 'short-form')
        continue
      }
      if (words.length >= 2) {
        add(entityKey('PERSON', name), 'PERSON', name, m, 'full-name')
        continue
      }
      const full = partOf(name)
      if (full !== undefined) add(full.key, 'PERSON', full.name, m, 'part-of-name')
      else add(entityKey('PERSON', name), 'PERSON', name, m, 'name')
      continue
    }
    const entry = gaz.lookup(name)
    if (entry === undefined && words.length === 1) {
      // A surname the tagger typed otherwise ("Macron" as ORG) still belongs to the person.
      const full = partOf(name)
      if (full !== undefined) {
        add(full.key, 'PERSON', full.name, m, 'part-of-name')
        continue
      }
      const defined = acronyms.get(name)
      if (defined !== undefined) {
        const group = groups.get(defined)
        if (group !== undefined) {
          add(group.key, group.type, group.name, m, 'acronym')
          continue
        }
      }
    }
    // "the Front" → "Black Meridian Front"; "Amber Crown" → "Amber Crown Concert Hall": a short form
    // that is the head or the start of exactly one longer organisation or place name in the document.
    if (entry === undefined && words.length < 3) {
      const longer = longerName(name)
      if (longer !== undefined) {
        add(longer.key, longer.type, longer.name, m, 'short-form')
        continue
      }
    }
    const full = fuller.get(entityKey(m.type, name))
    if (entry === undefined && full !== undefined) {
      add(full.key, full.type, full.name, m, 'short-form')
      continue
    }
    let type: EntityType = m.type
    let canonical = name
    let rule = 'name'
    if (entry !== undefined && !(entry.type === 'NORP' && type !== 'NORP')) {
      canonical = entry.canonical
      type = entry.type
      rule = canonical === name ? 'gazetteer' : 'alias'
    }
    const key = entityKey(type, canonical)
    canonicals.set(key, canonical)
    add(key, type, name, m, rule)
    // "Full Name (ACR)": later bare mentions of ACR join this entity.
    const after = /^\s*\((\p{Lu}[\p{Lu}\d&-]{1,7})\)/u.exec(text.slice(m.end, m.end + 12))
    if (
      after?.[1] !== undefined &&
      words.length >= 2 &&
      initials(words).startsWith(after[1].replace(/[^\p{Lu}]/gu, '').slice(0, 2))
    ) {
      acronyms.set(after[1], key)
    }
  }

  addTitleNominals(text, [...groups.values()], gaz, lex)

  const ordered = [...groups.values()]
    .filter((g) => g.mentions.length > 0)
    .sort((a, b) => a.first - b.first)
  return ordered.map((g, i): Entity => {
    const metonym = [...g.rules].find((r) => r.startsWith('metonym:'))
    const rules = [...g.rules].filter((r) => !r.startsWith('metonym:')).sort()
    if (metonym !== undefined) rules.push(metonym)
    return {
      id: `E${i + 1}`,
      name: g.name,
      type: g.type,
      key: g.key,
      mentions: g.mentions.sort((a, b) => a.start - b.start),
      provenance: { stage: 'entities', rule: rules.join('+') },
    }
  })
}

/** "the French president", "the minister": lower-case title phrases, optionally after a nationality. */
const NOMINAL =
  /\b[Tt]he\s+(?:(\p{Lu}[\p{L}-]+)\s+)?(\p{Ll}[\p{Ll}-]+(?:\s+\p{Ll}[\p{Ll}-]+)?)\b(?!\s+\p{Lu})/gu

/**
 * Resolves title phrases to the one person who bears that title in the document: "French President
 * Emmanuel Macron … the French president" (or just "the president" when only one person is called
 * President). The phrase joins the person as a mention with rule "nominal-title".
 */
function addTitleNominals(text: string, groups: Group[], gaz: Gazetteer, lex: EntityLexicon): void {
  const byTitle = new Map<string, Set<Group>>()
  const note = (key: string, g: Group): void => {
    const set = byTitle.get(key) ?? new Set<Group>()
    set.add(g)
    byTitle.set(key, set)
  }
  for (const g of groups) {
    if (g.type !== 'PERSON') continue
    for (const m of g.mentions) {
      const before = text
        .slice(Math.max(0, m.start - 80), m.start)
        .split(/\s+/)
        .filter(Boolean)
        .slice(-5)
      for (let k = 0; k < before.length; k++) {
        if (titleLength(before, k, before.length, lex) !== before.length - k) continue
        const title = titleKey(before.slice(k).join(' '))
        note(title, g)
        // "Prime Minister Keir Starmer … the minister".
        const head = title.split(' ').pop() ?? title
        if (head !== title) note(head, g)
        const modifier = before[k - 1]
        if (modifier !== undefined && gaz.lookup(modifier) !== undefined) {
          note(`${nameKey(modifier)} ${title}`, g)
        }
        break
      }
    }
  }
  if (byTitle.size === 0) return
  const taken = groups.flatMap((g) => g.mentions.map((m) => [m.start, m.end] as const))
  for (const match of text.matchAll(NOMINAL)) {
    const modifier = match[1]
    let title = match[2] ?? ''
    // "the minister left": the second word is not part of the title.
    if (!lex.titles.has(titleKey(title))) title = title.split(/\s+/)[0] ?? ''
    if (!lex.titles.has(titleKey(title))) continue
    const key = modifier === undefined ? titleKey(title) : `${nameKey(modifier)} ${titleKey(title)}`
    const people = byTitle.get(key)
    if (people === undefined || people.size !== 1) continue
    const person = [...people][0]
    if (person === undefined) continue
    const article = /^[Tt]he\s+/.exec(match[0])?.[0].length ?? 0
    const start = match.index + article
    const end =
      match.index +
      match[0].indexOf(
        title,
        modifier === undefined ? 0 : match[0].indexOf(modifier) + modifier.length,
      ) +
      title.length
    // A nationality inside the phrase ("French" in "the French president") gives way to it.
    const overlapping = groups.filter((g) => g.mentions.some((m) => m.start < end && start < m.end))
    if (overlapping.some((g) => g.type !== 'NORP')) continue
    if (taken.some(([a, b]) => a < end && start < b && (a < start || b > end))) continue
    for (const g of overlapping)
      g.mentions = g.mentions.filter((m) => !(m.start < end && start < m.end))
    person.mentions.push({
      start,
      end,
      text: text.slice(start, end),
      provenance: { stage: 'entities', rule: 'nominal-title' },
    })
    person.first = Math.min(person.first, start)
    person.rules.add('nominal-title')
  }
}

/** Whether `short` occurs in `long` in order (not necessarily adjacent). */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let j = 0
  for (const w of long) if (w === short[j]) j++
  return j === short.length
}
