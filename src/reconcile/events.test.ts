import { describe, expect, it } from 'vitest'
import { clusterEvents, type EventMention } from './events.js'

const m = (
  document: string,
  type: string,
  date: string | null,
  place: string | null,
  placeLevel: 'venue' | 'area' = 'area',
): EventMention => ({ document, type, date, place, placeLevel, agents: [] })

describe('clusterEvents', () => {
  it('one attack reported by several documents is one event; the arrest two days later is apart', () => {
    const clusters = clusterEvents([
      m('a', 'shooting', '2026-05-01', 'Harbour Theatre', 'venue'),
      m('b', 'attack', '2026-05-01', 'Portmere'),
      m('c', 'massacre', '2026-05-02', 'Harbour Theatre Hall', 'venue'),
      m('d', 'attack', null, null),
      m('d', 'arrest', '2026-05-03', 'Lindhall'),
      m('e', 'arrest', '2026-05-03', null),
    ])
    expect(
      clusters.map((c) => [c.family, c.date, c.mentions.map((x) => x.document).join('')]),
    ).toEqual([
      ['attack', '2026-05-01', 'abcd'],
      ['arrest', '2026-05-03', 'de'],
    ])
  })

  it('two attacks by one group at two venues weeks apart stay apart', () => {
    const clusters = clusterEvents([
      m('a', 'bombing', '2026-05-01', 'North Station', 'venue'),
      m('b', 'bombing', '2026-05-20', 'Grain Market', 'venue'),
      m('c', 'attack', '2026-05-20', 'Grain Market', 'venue'),
    ])
    expect(clusters.map((c) => c.mentions.length)).toEqual([1, 2])
  })

  it('two towns on different days are two events; a town and its country on one day are one', () => {
    expect(
      clusterEvents([
        m('a', 'attack', '2026-05-01', 'Portmere'),
        m('b', 'attack', '2026-05-02', 'Lindhall'),
      ]).length,
    ).toBe(2)
    expect(
      clusterEvents([
        m('a', 'attack', '2026-05-01', 'Portmere'),
        m('b', 'attack', '2026-05-01', 'Osterland'),
      ]).length,
    ).toBe(1)
  })
})
