import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './webhook-target.js';

/**
 * A `lookup` for node:http(s) that answers with addresses already resolved
 * and checked, instead of asking DNS again: the connection goes where the
 * check looked (no rebinding between check and connect), while the URL's
 * host name stays in the Host header and the TLS server name.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const candidates = family === 0 ? addresses : addresses.filter((a) => a.family === family);
    const first = candidates[0];
    if (!first) {
      callback(Object.assign(new Error('no checked address of that family'), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    if (options.all) (callback as (err: null, addresses: ResolvedAddress[]) => void)(null, [...candidates]);
    else callback(null, first.address, first.family);
  };
}
