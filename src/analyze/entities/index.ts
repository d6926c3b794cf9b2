/**
 * @module
 * Entity stages. PLACEHOLDER until the entities work lands: finds nothing.
 */
import type { Stage } from '../stage.js'

/** Typed entity mentions. */
export const mentionsStage = {
  name: 'mentions',
  needs: ['sentences', 'tokens'],
  provides: 'mentions',
  run: () => [],
} satisfies Stage<'mentions'>

/** Mentions merged into document-level entities with canonical keys. */
export const entitiesStage = {
  name: 'entities',
  needs: ['mentions'],
  provides: 'entities',
  run: () => [],
} satisfies Stage<'entities'>
