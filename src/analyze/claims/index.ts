/**
 * @module
 * Claims (attribution) stage. PLACEHOLDER until the attribution work lands: finds nothing.
 */
import type { Stage } from '../stage.js'

/** Who said what: speaker, cue, content, kind, stance, targets, hedged. */
export const claimsStage = {
  name: 'claims',
  needs: ['sentences', 'tokens', 'entities'],
  provides: 'claims',
  run: () => [],
} satisfies Stage<'claims'>
