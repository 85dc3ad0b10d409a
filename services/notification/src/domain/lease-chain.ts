/** One link of an item's lease chain: `<item>#<n>`, held by `holder` until `expiresAt`. */
export interface LeaseDoc {
  _id: string;
  item: string;
  holder: string;
  expiresAt: Date;
}

/** Where links live: `insert` is a unique insert by `_id` (false on a duplicate key), `get` a read by `_id`. */
export interface LeaseStore {
  insert(doc: LeaseDoc): Promise<boolean>;
  get(id: string): Promise<LeaseDoc | null>;
}

export const leaseLink = (item: string, n: number): string => `${item}#${n}`;

/**
 * Takes the lease of a due item for `ttlMs`, or answers null when another
 * holder has it. No update, no delete: the lease is the first link of the
 * item's chain whose unique insert succeeds, and a link may only be tried
 * once the one before it has expired. Two takers that both see link n expired
 * race for link n+1, and the database lets one insert win. A holder that
 * crashed is taken over when its link expires. A link swept and inserted
 * again does not count while a later link exists.
 */
export async function takeLease(store: LeaseStore, item: string, holder: string, now: Date, ttlMs: number, maxLinks = 64): Promise<LeaseDoc | null> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  for (let n = 0; n < maxLinks; n += 1) {
    const doc: LeaseDoc = { _id: leaseLink(item, n), item, holder, expiresAt };
    if (await store.insert(doc)) {
      // A link swept long after it expired and inserted again: the chain goes on past it, and its head decides.
      if ((await store.get(leaseLink(item, n + 1))) === null) return doc;
      continue;
    }
    const held = await store.get(doc._id);
    // Gone between the two calls (swept): the next round tries again.
    if (held === null) return null;
    if (held.expiresAt.getTime() > now.getTime()) return null;
  }
  return null;
}
