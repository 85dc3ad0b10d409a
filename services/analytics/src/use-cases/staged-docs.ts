/**
 * The documents a batch of changes writes, the latest per kind and id: a later
 * change of the batch builds on an earlier one, each kind is saved once, and
 * memory is changed only after every kind is saved (a failed save leaves it as
 * it was, so the retried batch applies everything once).
 */
export class StagedDocs<Docs extends { [K in keyof Docs]: { _id: string } }> {
  private readonly byKind = new Map<keyof Docs, Map<string, Docs[keyof Docs]>>();

  get<K extends keyof Docs>(kind: K, id: string): Docs[K] | undefined {
    return this.byKind.get(kind)?.get(id) as Docs[K] | undefined;
  }

  set<K extends keyof Docs>(kind: K, doc: Docs[K]): void {
    let docs = this.byKind.get(kind);
    if (!docs) this.byKind.set(kind, (docs = new Map()));
    docs.set(doc._id, doc);
  }

  /** Saves the documents of each kind, in `order`, then puts them all in memory. */
  async commit<K extends keyof Docs>(order: readonly K[], save: (kind: K, docs: Docs[K][]) => Promise<void>, put: (kind: K, doc: Docs[K]) => void): Promise<void> {
    const kinds = order.filter((kind) => (this.byKind.get(kind)?.size ?? 0) > 0);
    for (const kind of kinds) await save(kind, [...this.byKind.get(kind)!.values()] as Docs[K][]);
    for (const kind of kinds) for (const doc of this.byKind.get(kind)!.values()) put(kind, doc as Docs[K]);
  }
}
