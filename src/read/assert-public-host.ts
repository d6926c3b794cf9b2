import { lookup } from 'node:dns/promises'
import { AppError } from '../errors.js'
import { addressRange } from './address-range.js'

/**
 * Resolves a URL's host and throws `URL_FORBIDDEN` unless EVERY address it resolves to is public
 * unicast. One private address is enough to refuse: the connection could go to any of them.
 * IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry. This check gives a clear
 * error early and covers IP literals (which sockets never look up); `publicOnlyLookup` repeats
 * it at connection time.
 */
export async function assertPublicHost(url: URL): Promise<void> {
  // URL keeps IPv6 literals in brackets: "[::1]".
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const addresses = await lookup(host, { all: true, verbatim: true }).catch((cause: unknown) => {
    throw new AppError('URL_UNREACHABLE', `cannot resolve host ${host}`, {
      subject: url.href,
      cause,
    })
  })
  if (addresses.length === 0) {
    throw new AppError('URL_UNREACHABLE', `host ${host} has no address`, { subject: url.href })
  }
  for (const { address } of addresses) {
    const range = addressRange(address)
    if (range !== 'unicast') {
      throw new AppError(
        'URL_FORBIDDEN',
        `host ${host} resolves to ${address} (${range}); pass allowPrivate to fetch it anyway`,
        { subject: url.href, details: { address, range } },
      )
    }
  }
}
