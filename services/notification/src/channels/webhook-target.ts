import { lookup } from 'node:dns/promises';
import { KetNoiError } from '@ketnoi/errors';
import { isNonPublicAddress } from '../domain/address-guard.js';

const refused = (detail: string) => new KetNoiError('WEBHOOK_TARGET_REFUSED', detail, { status: 422 });

/**
 * Refuses a webhook target that is not https or that resolves to a private,
 * loopback or link-local address (SSRF). Hosts on the allow-list (`host` or
 * `host:port`, for local development) are let through as they are.
 */
export async function checkWebhookTarget(target: string, allowList: readonly string[]): Promise<URL> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw refused('not a URL');
  }
  if (allowList.includes(url.host) || allowList.includes(url.hostname)) return url;
  if (url.protocol !== 'https:') throw refused('webhook targets must use https');
  if (url.username || url.password) throw refused('credentials in the URL are not allowed');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string }[];
  try {
    addresses = await lookup(hostname, { all: true, verbatim: true });
  } catch {
    throw refused('the host does not resolve');
  }
  if (addresses.length === 0 || addresses.some(({ address }) => isNonPublicAddress(address))) {
    throw refused('the host resolves to a private, loopback or link-local address');
  }
  return url;
}
