import { describe, expect, it } from 'vitest'
import { independentSources } from './sources.js'

const STORY =
  'Fire crews fought a blaze at the old paper mill in Portmere through the night, and three ' +
  'workers were taken to hospital with burns, the fire service said on Wednesday morning. ' +
  'The cause of the fire was not yet known, and the owners said the mill had been closed ' +
  'for repairs since the spring.'

describe('independentSources', () => {
  it('counts copies, syndicated titles and one site once, naming the earliest document', () => {
    const { sources, sourceOf } = independentSources([
      {
        id: 'wire',
        text: STORY,
        title: 'Blaze at Portmere paper mill',
        site: null,
        publishedAt: '2026-04-01T08:00Z',
      },
      {
        id: 'post',
        text: `Via the wire: ${STORY} #Portmere`,
        title: null,
        site: null,
        publishedAt: '2026-04-01T09:00Z',
      },
      {
        id: 'feed',
        text: 'A short summary.',
        title: 'Three hurt as blaze hits Portmere paper mill',
        site: 'Harbour News',
        publishedAt: '2026-04-01T07:00Z',
      },
      {
        id: 'same-title',
        text: 'Another short text.',
        title: 'Three hurt as blaze hits Portmere paper mill',
        site: null,
        publishedAt: '2026-04-01T10:00Z',
      },
      {
        id: 'same-site',
        text: 'An update.',
        title: 'Mill fire: update',
        site: 'Harbour News',
        publishedAt: '2026-04-02T07:00Z',
      },
      {
        id: 'other',
        text: 'A different report entirely.',
        title: 'Mill owners speak',
        site: 'Valley Times',
        publishedAt: '2026-04-02T08:00Z',
      },
    ])
    expect(sourceOf.get('post')).toBe('wire')
    expect(sourceOf.get('same-title')).toBe('feed')
    expect(sourceOf.get('same-site')).toBe('feed')
    expect(sourceOf.get('other')).toBe('other')
    expect(sources.map((s) => s.members.map((m) => `${m.id}:${m.reason ?? '-'}`))).toEqual([
      ['feed:-', 'same-title:title', 'same-site:site'],
      ['wire:-', 'post:copy'],
      ['other:-'],
    ])
  })
})
