import { describe, expect, it } from 'vitest'
import { unionFind } from './union-find.js'

describe('unionFind', () => {
  it('names each group by its smallest member, whatever the order of unions', () => {
    const groups = unionFind(6)
    groups.union(4, 2)
    groups.union(5, 4)
    groups.union(1, 3)
    expect([...groups.groups()]).toEqual([
      [0, [0]],
      [1, [1, 3]],
      [2, [2, 4, 5]],
    ])
    expect(groups.find(5)).toBe(2)
  })

  it('grows one element at a time, each in a group of its own', () => {
    const groups = unionFind()
    expect([groups.add(), groups.add(), groups.add()]).toEqual([0, 1, 2])
    groups.union(2, 0)
    expect(groups.add()).toBe(3)
    expect([...groups.groups().values()]).toEqual([[0, 2], [1], [3]])
  })
})
