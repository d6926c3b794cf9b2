/**
 * @module
 * Canonical entities across the documents of one story. An analysis keys its entities within one
 * document, aliases already resolved (data/entities/aliases.tsv: "Hizbollah" has the key of
 * "Hezbollah"). Across documents the brief joins them here, so one actor is one line everywhere
 * (main entities, speakers, responsibility, claim targets):
 *
 * 1. **Same key or same name.** Entities whose `Entity.key` (without its type: "Westria" may be a
 *    GPE in one document and a PERSON in another) or whose normalized name agree are one.
 * 2. **Surname.** A one-word person name ("Ilves", typed PERSON or MISC) joins the one full person
 *    name of the story ending in it ("Mara Ilves"); with two such full names it joins neither.
 * 3. **Short form.** A name of two or more words joins the one longer name of the same type that
 *    has its words in order, with the same first and last word ("Amber Crown Hall" → "Amber Crown
 *    Concert Hall"). Surnames and short forms never join a longer name that stands as a separate
 *    entity in one of their own documents (two entities in one document are two actors).
 * 4. **Demonym.** A nationality word (NORP) joins its country when the story names the country as
 *    a place (GPE or LOC): the pair of the gazetteer (world-countries demonyms); for a word the
 *    gazetteer does not know, the one place of the story whose name the word is derived from
 *    ("Vostranian" → "Vostrana", "Kaldrian" → "Kaldria"). As a claim's
 *    target it stands for the country only when used as an actor: followed by a state noun
 *    ("Vostranian intelligence", "Kaldrian army"; data/entities/state-nouns.txt and the nouns
 *    below); else it is not an actor, as before.
 * 5. **Metonym.** When it speaks or is accused, a name that the analysis marks as standing for a
 *    government (`metonym:gpe:russia` in its provenance: "the Kremlin") is that government, if the
 *    story names it.
 *
 * The name shown is the one most documents use among the entities that are neither a short form,
 * a demonym nor a metonym (the longest on a tie), so "Mara Ilves" is shown, never "Ilves".
 */
import { entityLexicon } from '../analyze/entities/lexicon.js'
import type { Entity, EntityType } from '../model/analysis.js'
import { dataLines } from '../ner/data-files.js'
import { gazetteer } from '../ner/gazetteer.js'
import type { DocumentView } from './document-view.js'
import { normalizeName } from './link-keys.js'
import { unionFind } from '../reconcile/union-find.js'

const lower = (line: string): string => line.trim().toLowerCase()

export interface CanonicalEntity {
  /** The join key across the story: the normalized name shown. */
  readonly key: string
  /** The name shown: the one most documents use for it. */
  readonly name: string
  /** The type most documents give it. */
  readonly type: EntityType
}

export interface StoryEntities {
  /** The canonical entity of one document's entity (demonyms joined to their country). */
  of(view: DocumentView, id: string): CanonicalEntity | undefined
  /**
   * The actor an entity stands for as a claim's speaker: its canonical entity, or the government a
   * metonym stands for when the story names it.
   */
  speaker(view: DocumentView, id: string): CanonicalEntity | undefined
  /**
   * The actor an entity stands for as a claim's target in sentence `sentence`: as `speaker`, but a
   * nationality word is an actor only when used as one ("Vostranian intelligence"); else null.
   */
  target(view: DocumentView, id: string, sentence: number | null): CanonicalEntity | null
  /** Every canonical entity with the document entities it joins. */
  readonly groups: readonly CanonicalGroup[]
}

export interface CanonicalGroup {
  readonly entity: CanonicalEntity
  /** Its entities, per document view, with how each joined. */
  readonly members: readonly { view: DocumentView; entity: Entity; how: JoinRule }[]
}

/** How an entity joined its canonical entity. */
export type JoinRule = 'name' | 'surname' | 'short-form' | 'demonym'

/**
 * Nouns after a nationality word that make it a state acting ("Vostranian intelligence"):
 * data/entities/actor-nouns.txt and the state nouns of the entity lexicon, less those naming a
 * state's land or people (data/entities/land-nouns.txt: "Vostranian citizens").
 */
const landNouns: ReadonlySet<string> = new Set(dataLines('entities/land-nouns.txt').map(lower))
const actorNouns: ReadonlySet<string> = new Set([
  ...dataLines('entities/actor-nouns.txt').map(lower),
  ...[...entityLexicon().stateNouns].filter((noun) => !landNouns.has(noun)),
])
function isActorNoun(words: string): boolean {
  return actorNouns.has(words)
}

/**
 * The country a demonym names, by the gazetteer the analysis uses (its world-countries demonyms:
 * "Americans" → United States); empty when the gazetteer does not know the word.
 */
function countriesOf(demonym: string): readonly string[] {
  const entry = gazetteer().lookup(demonym)
  return entry?.kind === 'demonym' && entry.standsFor !== undefined
    ? [entry.standsFor.canonical]
    : []
}

/** Demonym endings, longest first at each position ("Vostranians", "Kaldrian", "Velenese"). */
const DEMONYM_SUFFIX = /(?:ians|ian|eans|ean|ese|ish|ans|an|is|i)$/u

/** The letters a place name and its demonym share: "Vostrana" → "vostran", "Kaldria" → "kaldr". */
const stem = (word: string): string => word.replace(/[aeiouy]+$/u, '')

/** A key token from an `Entity.key` ("gpe:kaldria", "PERSON:adrian voskel") without its type. */
/** A country, city or region: what a demonym may stand for (not a person named "Jordan"). */
function isPlace(node: { readonly entity: Entity }): boolean {
  return node.entity.type === 'GPE' || node.entity.type === 'LOC'
}

function keyToken(key: string): string {
  return normalizeName(key.slice(key.indexOf(':') + 1).replace(/[-_]+/g, ' '))
}

interface Node {
  readonly view: DocumentView
  readonly entity: Entity
  readonly words: readonly string[]
  /** Counted mentions (repeats and boilerplate left out): its weight when choosing the name. */
  readonly weight: number
  how: JoinRule
}

/**
 * Canonical entities of a story's documents (views in the story's order; the result does not depend
 * on it).
 */
export function canonicalEntities(views: readonly DocumentView[]): StoryEntities {
  const nodes: Node[] = []
  const nodeOf = new Map<DocumentView, Map<string, number>>()
  for (const view of views) {
    const ids = new Map<string, number>()
    for (const entity of view.analysis.entities) {
      ids.set(entity.id, nodes.length)
      nodes.push({
        view,
        entity,
        words: normalizeName(entity.name).split(' '),
        weight: entity.mentions.filter((m) => !view.isDiscounted(m)).length,
        how: 'name',
      })
    }
    nodeOf.set(view, ids)
  }

  // 1. Same key (without type) or same normalized name: union-find over those tokens.
  const sets = unionFind(nodes.length)
  const { find, union } = sets
  const byToken = new Map<string, number>()
  const tokenNode = (token: string, i: number): void => {
    if (token === 'name:') return
    const first = byToken.get(token)
    if (first === undefined) byToken.set(token, i)
    else union(first, i)
  }
  nodes.forEach((node, i) => {
    tokenNode(`name:${node.words.join(' ')}`, i)
    tokenNode(`name:${keyToken(node.entity.key)}`, i)
  })
  const withToken = (name: string): number | undefined => byToken.get(`name:${normalizeName(name)}`)

  // The groups as they stand, for rules 2–4: members by root.
  const membersOf = (): Map<number, number[]> => sets.groups()

  // 2 and 3. Surnames and short forms, longer short forms first, each against the groups as they
  // stand (a short form matching two full names joins neither).
  // The words of the longest name among a group's members.
  const longestWords = (members: readonly number[]): readonly string[] =>
    members
      .map((i) => nodes[i]!.words)
      .reduce((a, b) =>
        b.length > a.length || (b.length === a.length && b.join(' ') < a.join(' ')) ? b : a,
      )
  const shortForms = [...membersOf().entries()]
    .map(([root, members]) => ({ root, members, words: longestWords(members) }))
    .sort(
      (a, b) =>
        b.words.length - a.words.length || a.words.join(' ').localeCompare(b.words.join(' ')),
    )
  const byLastWord = new Map<string, number[]>()
  nodes.forEach((node, i) => {
    const last = node.words[node.words.length - 1]!
    const list = byLastWord.get(last)
    if (list === undefined) byLastWord.set(last, [i])
    else list.push(i)
  })
  for (const { root, members, words } of shortForms) {
    const types = new Set(members.map((i) => nodes[i]!.entity.type))
    let rule: JoinRule | null = null
    let fits: (node: Node) => boolean = () => false
    if (words.length === 1 && [...types].every((t) => t === 'PERSON' || t === 'MISC')) {
      rule = 'surname'
      fits = (node) =>
        node.entity.type === 'PERSON' &&
        node.words.length >= 2 &&
        node.words[node.words.length - 1] === words[0]
    } else if (words.length >= 2 && types.size === 1 && !types.has('NORP')) {
      const [type] = types
      rule = 'short-form'
      fits = (node) =>
        node.entity.type === type &&
        node.words.length > words.length &&
        isShortForm(words, node.words)
    }
    if (rule === null) continue
    // Both rules keep the last word: only names ending in it are looked at. A longer name that
    // stands as a separate entity in a document of the short form is another actor ("Ohio
    // University" beside "Ohio State University"): that candidate is out.
    const memberViews = new Set(members.map((i) => nodes[i]!.view))
    const candidates = new Set<number>()
    const ruledOut = new Set<number>()
    for (const i of byLastWord.get(words[words.length - 1]!) ?? []) {
      if (find(i) === find(root) || !fits(nodes[i]!)) continue
      if (memberViews.has(nodes[i]!.view)) ruledOut.add(find(i))
      else candidates.add(find(i))
    }
    for (const out of ruledOut) candidates.delete(out)
    if (candidates.size !== 1 || ruledOut.size > 0) continue
    for (const i of members) nodes[i]!.how = rule
    union(root, [...candidates][0]!)
  }

  // 4. Demonyms: the gazetteer's pair, else the one place of the story it derives from.
  const places = new Map<string, Set<number>>()
  nodes.forEach((node, i) => {
    if (node.entity.type !== 'GPE' || node.words.length !== 1) return
    const key = stem(node.words[0]!)
    const set = places.get(key) ?? new Set<number>()
    set.add(i)
    places.set(key, set)
  })
  for (const members of membersOf().values()) {
    if (!members.every((i) => nodes[i]!.entity.type === 'NORP')) continue
    let country: number | undefined
    const named = new Set<number>()
    let known = false
    for (const i of members) {
      for (const name of countriesOf(nodes[i]!.entity.name)) {
        known = true
        const place = withToken(name)
        if (place !== undefined && isPlace(nodes[place]!)) named.add(find(place))
      }
    }
    if (named.size === 1) country = [...named][0]
    // Two countries of the story share the demonym: it joins neither.
    else if (named.size > 1) continue
    // A demonym the gazetteer knows names its own country, not another place of the story that
    // happens to share its letters ("Nigerian" is not Niger).
    if (country === undefined && !known) {
      const roots = new Set<number>()
      for (const i of members) {
        const words = nodes[i]!.words
        if (words.length !== 1 || !DEMONYM_SUFFIX.test(words[0]!)) continue
        for (const place of places.get(stem(words[0]!.replace(DEMONYM_SUFFIX, ''))) ?? []) {
          roots.add(find(place))
        }
      }
      if (roots.size === 1) country = [...roots][0]
    }
    if (country === undefined || find(country) === find(members[0]!)) continue
    for (const i of members) nodes[i]!.how = 'demonym'
    union(members[0]!, country)
  }

  // The canonical entity of each group: the name and type of its plain members.
  const canonical = new Map<number, CanonicalEntity>()
  const groups: CanonicalGroup[] = []
  for (const [root, members] of membersOf()) {
    const plain = members.filter((i) => nodes[i]!.how === 'name')
    const voters = plain.length > 0 ? plain : members
    const names = new Map<string, number>()
    const types = new Map<string, number>()
    for (const i of voters) {
      const node = nodes[i]!
      // Entities only seen in boilerplate or repeats still name themselves, after the others.
      const vote = node.weight > 0 ? 1 : 1e-6
      names.set(node.entity.name, (names.get(node.entity.name) ?? 0) + vote)
      types.set(node.entity.type, (types.get(node.entity.type) ?? 0) + vote)
    }
    const name = ranked(names)[0]!
    // On a tie, a specific type beats MISC and NORP.
    const type = ranked(types).sort(
      (a, b) => types.get(b)! - types.get(a)! || vague(a) - vague(b),
    )[0] as EntityType
    const entity = { key: normalizeName(name), name, type }
    canonical.set(root, entity)
    groups.push({
      entity,
      members: members.map((i) => ({
        view: nodes[i]!.view,
        entity: nodes[i]!.entity,
        how: nodes[i]!.how,
      })),
    })
  }

  const nodeIndex = (view: DocumentView, id: string): number | undefined =>
    nodeOf.get(view)?.get(id)
  const of = (view: DocumentView, id: string): CanonicalEntity | undefined => {
    const i = nodeIndex(view, id)
    return i === undefined ? undefined : canonical.get(find(i))
  }
  const speaker = (view: DocumentView, id: string): CanonicalEntity | undefined => {
    const i = nodeIndex(view, id)
    if (i === undefined) return undefined
    const metonym = /metonym:[a-z]+:([\w-]+)/.exec(nodes[i]!.entity.provenance.rule)?.[1]
    const government = metonym === undefined ? undefined : withToken(metonym.replace(/-/g, ' '))
    return canonical.get(find(government ?? i))
  }
  const target = (view: DocumentView, id: string, sentence: number | null) => {
    const i = nodeIndex(view, id)
    if (i === undefined) return null
    const node = nodes[i]!
    if (node.entity.type === 'NORP' && !usedAsActor(node, sentence)) return null
    return speaker(view, id) ?? null
  }
  return { of, speaker, target, groups }
}

/** `short` has its words in order in `long`, with the same first and the same last word. */
function isShortForm(short: readonly string[], long: readonly string[]): boolean {
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false
  let j = 0
  for (const word of long) if (word === short[j]) j++
  return j === short.length
}

const vague = (type: string): number => (type === 'MISC' || type === 'NORP' ? 1 : 0)

/** Keys by weight, then the longer, then alphabetically. */
function ranked(weights: ReadonlyMap<string, number>): string[] {
  return [...weights.entries()]
    .sort(([a, wa], [b, wb]) => wb - wa || b.length - a.length || a.localeCompare(b))
    .map(([key]) => key)
}

/**
 * A nationality word used as an actor: a mention of it in the sentence (or anywhere, without a
 * sentence) is followed by a state noun ("Vostranian intelligence service").
 */
function usedAsActor(node: Node, sentence: number | null): boolean {
  const { analysis } = node.view
  const within = sentence === null ? undefined : analysis.sentences[sentence]
  return node.entity.mentions.some((m) => {
    if (within !== undefined && (m.start < within.start || m.start >= within.end)) return false
    const after = analysis.text
      .slice(m.end, m.end + 40)
      .toLowerCase()
      .match(/^\s+(\p{L}+)(?:\s+(\p{L}+))?/u)
    if (after === null) return false
    const [, one = '', two] = after
    return isActorNoun(one) || (two !== undefined && isActorNoun(`${one} ${two}`))
  })
}
