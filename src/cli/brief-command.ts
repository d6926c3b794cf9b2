import type { Brief } from '../brief/brief.js'
import { buildBrief, renderBriefMarkdown } from '../brief/index.js'
import { AppError } from '../errors.js'
import { storyBrief } from '../reconcile/stories.js'
import { openStore, type Store } from '../store/index.js'
import { writeOut } from './output.js'

export interface BriefCommandOptions {
  readonly db?: string
  readonly story?: string
  readonly format: 'md' | 'json'
}

/** `claimgraph brief`: the cross-document summary of what is stored. */
export async function briefCommand(options: BriefCommandOptions): Promise<number> {
  const store = await openStore(options.db)
  try {
    await printBrief(store, options)
    return 0
  } finally {
    await store.close()
  }
}

/** Build the brief from the store and print it (shared with `ingest --brief`). */
export async function printBrief(
  store: Store,
  options: Omit<BriefCommandOptions, 'db'>,
): Promise<void> {
  const brief =
    options.story === undefined
      ? buildBrief(await store.loadAllAnalyses())
      : await oneStory(store, options.story)
  if (options.story !== undefined && brief.stories.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `no story with id ${options.story} (run \`claimgraph brief\` to list stories)`,
    )
  }
  if (options.format === 'json') await writeOut(`${JSON.stringify(brief, null, 2)}\n`)
  else await writeOut(renderBriefMarkdown(brief))
}

/**
 * One story's brief from its documents only (`storyBrief`). A store whose stories were never
 * recorded (or a story id the stored stories do not know) falls back to briefing every analysis and
 * keeping that story, so ids printed by `claimgraph brief` always work.
 */
async function oneStory(store: Store, storyId: string): Promise<Brief> {
  const brief = await storyBrief(store, storyId)
  if (brief.stories.length > 0) return brief
  return buildBrief(await store.loadAllAnalyses(), { storyId })
}
