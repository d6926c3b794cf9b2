/**
 * @module
 * Entity stages: `mentions` finds and types name spans sentence by sentence; `entities` merges them
 * into document-level entities with canonical keys. The tagger model (models/ner/model.bin) is loaded
 * on first use; without a model file the rule-based finder stands in.
 */
import { gazetteer } from '../../ner/gazetteer.js'
import { need, type Stage } from '../stage.js'
import { sharedTagger } from '../../ner/tagger.js'
import { findMentions, ruleFinder, taggerFinder, type SpanFinder } from './find-mentions.js'
import { entityLexicon } from './lexicon.js'
import { mergeEntities } from './merge-entities.js'

let finder: { readonly find: SpanFinder; readonly name: string } | undefined

function defaultFinder(): { readonly find: SpanFinder; readonly name: string } {
  if (finder !== undefined) return finder
  const tagger = sharedTagger()
  finder =
    tagger === null
      ? { find: ruleFinder(gazetteer(), entityLexicon()), name: 'rules' }
      : { find: taggerFinder(tagger, gazetteer(), entityLexicon()), name: 'tagger' }
  return finder
}

/** Typed entity mentions. */
export const mentionsStage = {
  name: 'mentions',
  needs: ['sentences', 'tokens'],
  provides: 'mentions',
  run: (doc, layers) => {
    const tokens = need(layers, 'tokens')
    const { find, name } = defaultFinder()
    return findMentions(doc.text, doc.sections, tokens, find, name, gazetteer(), entityLexicon())
  },
} satisfies Stage<'mentions'>

/** Mentions merged into document-level entities with canonical keys. */
export const entitiesStage = {
  name: 'entities',
  needs: ['mentions'],
  provides: 'entities',
  run: (doc, layers) =>
    mergeEntities(doc.text, need(layers, 'mentions'), gazetteer(), entityLexicon()),
} satisfies Stage<'entities'>
