import { byRank, type Ranked } from '../domain/ranking.js';

/**
 * Where a shard's list stands: `epoch` is raised each time a shard is
 * (re)built by a new owner, `offset` is the last shard-input offset the list
 * reflects. Compared in that order, so a list from an owner that has since
 * lost the shard never replaces one from its successor.
 */
export interface ShardPosition {
  epoch: number;
  offset: number;
}

export interface ShardList<E extends Ranked = Ranked> extends ShardPosition {
  shard: number;
  entries: E[];
}

const notBefore = (a: ShardPosition, b: ShardPosition): boolean => a.epoch > b.epoch || (a.epoch === b.epoch && a.offset >= b.offset);

/**
 * One vacancy's top-K as the shards see it, merged. Each worker is in one
 * shard, so the best K of the union of the shards' top-Ks is the top-K over
 * all workers (ties by id, as one instance ranks them).
 */
export class ShardListMerge<E extends Ranked = Ranked> {
  private readonly lists = new Map<number, ShardList<E>>();

  /** Takes a shard's list unless the one held is newer; returns whether it was taken. */
  offer(list: ShardList<E>): boolean {
    const held = this.lists.get(list.shard);
    if (held && !notBefore(list, held)) return false;
    // An empty list is kept too: its position still turns away an older owner's late list.
    this.lists.set(list.shard, list);
    return true;
  }

  held(): IterableIterator<ShardList<E>> {
    return this.lists.values();
  }

  top(k: number): E[] {
    return [...this.lists.values()].flatMap((list) => list.entries).sort(byRank).slice(0, k);
  }
}
