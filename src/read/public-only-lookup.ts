import { lookup, type LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'
import { AppError } from '../errors.js'
import { addressRange } from './address-range.js'

/**
 * A `lookup` for sockets that refuses to connect to non-public addresses. It runs at connection
 * time, so a host that resolved to a public address when checked and to a private one a moment
 * later (DNS rebinding) is still refused.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error !== null) {
      callback(error, '', 0)
      return
    }
    const refused = addresses.find(({ address }) => addressRange(address) !== 'unicast')
    if (refused !== undefined || addresses.length === 0) {
      const reason =
        refused === undefined
          ? 'no address'
          : `${refused.address} (${addressRange(refused.address)})`
      const denied = new AppError(
        'URL_FORBIDDEN',
        `host ${hostname} resolves to ${reason}; pass allowPrivate to fetch it anyway`,
        {
          details:
            refused === undefined
              ? {}
              : { address: refused.address, range: addressRange(refused.address) },
        },
      )
      callback(denied as NodeJS.ErrnoException, '', 0)
      return
    }
    if (options.all === true) {
      // The callback's declared type covers the single-address form only; Node calls it both ways.
      ;(callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses)
      return
    }
    const [first] = addresses
    callback(null, first?.address ?? '', first?.family ?? 4)
  })
}
