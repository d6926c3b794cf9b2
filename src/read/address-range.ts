import ipaddr from 'ipaddr.js'

/**
 * The ipaddr.js range of an IP address ("unicast" for public addresses; "loopback", "private",
 * "linkLocal", "uniqueLocal", … otherwise). IPv4-mapped IPv6 addresses are judged as the IPv4
 * address they carry; a string that is no address is "invalid".
 */
export function addressRange(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).range() : 'invalid'
}
