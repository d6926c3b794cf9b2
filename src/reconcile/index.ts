/**
 * @module
 * reconcile: across documents. Near-duplicates (MinHash/LSH), independent sources, figure
 * reconciliation, responsibility, event coreference, and incremental stories in the store.
 */
export {
  reconcileAfterSave,
  hasStory,
  storyBrief,
  storyDocuments,
  listStories,
  storyIdOf,
  type StoryAssignment,
} from './stories.js'
export {
  findDuplicates,
  copyGroups,
  DuplicateIndex,
  fingerprint,
  type DuplicateLink,
  type CopyGroup,
  type DedupInput,
} from './minhash.js'
export { independentSources, type SourceAnalysis } from './sources.js'
export { reconcileMeasure, type ReconciledMeasure, type FigureReport } from './figures.js'
export { responsibility, withoutEvidence, type Responsibility } from './responsibility.js'
export { clusterEvents, type EventCluster, type EventMention } from './events.js'
export { corefScores, muc, bcubed, ceafe, type CorefScores } from './coref-metrics.js'
export { clusterDocuments, eventCoreference, sameLemma } from './event-coref.js'
