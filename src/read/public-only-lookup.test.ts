import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { addressRange } from './address-range.js'
import { publicOnlyLookup } from './public-only-lookup.js'

function lookupError(hostname: string, all: boolean): Promise<unknown> {
  return new Promise((resolve) => {
    publicOnlyLookup(hostname, { all }, (error: unknown) => resolve(error))
  })
}

describe('publicOnlyLookup', () => {
  it.each([false, true])(
    'refuses a host resolving to loopback at connection time (all: %s)',
    async (all) => {
      const error = await lookupError('localhost', all)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('URL_FORBIDDEN')
    },
  )

  it('passes a DNS failure through', async () => {
    const error = await lookupError('no-such-host.invalid', false)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(AppError)
  })
})

describe('addressRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['93.184.216.34', 'unicast'],
    ['2606:2800:220:1:248:1893:25c8:1946', 'unicast'],
    ['not an address', 'invalid'],
  ])('%s is %s', (address, range) => {
    expect(addressRange(address)).toBe(range)
  })
})
