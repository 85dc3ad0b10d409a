import { lookup } from 'node:dns/promises';
import { KetNoiError } from '@ketnoi/errors';
import { isNonPublicAddress } from '../domain/address-guard.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses (the system resolver; tests give their own). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** A webhook target and the addresses checked for it: the connection goes to these, not to a fresh lookup. */
export interface CheckedTarget {
  url: URL;
  addresses: ResolvedAddress[];
}

const refused = (detail: string) => new KetNoiError('WEBHOOK_TARGET_REFUSED', detail, { status: 422 });

/**
 * Resolves a webhook target and refuses one that is not https or that
 * resolves to a private, loopback or link-local address (SSRF). Hosts on the
 * allow-list (`host` or `host:port`, for local development) skip https and
 * the address check, but are resolved and pinned the same way.
 */
export async function resolveWebhookTarget(target: string, allowList: readonly string[], resolve: ResolveHost = systemResolver): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw refused('not a URL');
  }
  const allowed = allowList.includes(url.host) || allowList.includes(url.hostname);
  if (!allowed && url.protocol !== 'https:') throw refused('webhook targets must use https');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('webhook targets must use https');
  if (url.username || url.password) throw refused('credentials in the URL are not allowed');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(hostname);
  } catch {
    throw refused('the host does not resolve');
  }
  if (addresses.length === 0) throw refused('the host does not resolve');
  if (!allowed && addresses.some(({ address }) => isNonPublicAddress(address))) {
    throw refused('the host resolves to a private, loopback or link-local address');
  }
  return { url, addresses };
}

/** The check made when an employer subscribes; it is made again, and pinned, at every delivery. */
export async function checkWebhookTarget(target: string, allowList: readonly string[], resolve: ResolveHost = systemResolver): Promise<URL> {
  return (await resolveWebhookTarget(target, allowList, resolve)).url;
}
