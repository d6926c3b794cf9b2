import { describe, expect, it } from 'vitest'
import { normalizeDate } from './normalize-date.js'

describe('normalizeDate', () => {
  it.each([
    ['2026-03-03', '2026-03-03'],
    ['2026-03-03T10:00:00+02:00', '2026-03-03T08:00:00.000Z'],
    ['2026-03-03T10:00:00Z', '2026-03-03T10:00:00.000Z'],
    // No zone: the instant is unknown, the date is not.
    ['2026-03-03T10:00:00', '2026-03-03'],
    ['Tue, 03 Mar 2026 10:00:00 GMT', '2026-03-03T10:00:00.000Z'],
    ['March 3, 2026', '2026-03-03'],
    ['Posted on March 3, 2026 by admin', '2026-03-03'],
    ['Mark T. on Sept. 4th, 2026 at 9:12 am', '2026-09-04'],
    ['12 February 2026', '2026-02-12'],
    ['Published 13 March 2026, 23:40 CET', '2026-03-13T22:40:00.000Z'],
    ['March 4, 2026 at 9:12 pm GMT', '2026-03-04T21:12:00.000Z'],
    ['4 March 2026 10:00 +0530', '2026-03-04T04:30:00.000Z'],
    // A time without a zone, or with an ambiguous one, names no instant.
    ['March 4, 2026 at 9:12 am', '2026-03-04'],
    ['13 Mar 2026, 21:05', '2026-03-13'],
    ['13 March 2026, 23:40 IST', '2026-03-13'],
    ['2026/2/12', '2026-02-12'],
    ['February 30, 2026', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected)
  })
})
