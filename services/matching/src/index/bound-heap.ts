/** An entry of a BoundHeap: a bound (`key`), first a cheap one, then refined once (never higher). */
export interface BoundEntry<T> {
  item: T;
  key: number;
  /** The bound without the part `refine` adds (passed on to the visit). */
  rest: number;
  refined: boolean;
}

/**
 * Items visited best bound first, where each bound is refined (lowered)
 * only when its item comes to the top: with every bound an upper bound of
 * the refined one, an item refined at the top is best among all refined
 * bounds, so the order is that of refining everything first, while items
 * the k-th score has passed by then are never refined.
 */
export class BoundHeap<T> {
  readonly entries: BoundEntry<T>[] = [];
  size = 0;

  clear(): void {
    this.size = 0;
  }

  /** `refined`: the key is already the refined bound (found cheaply enough for every item). */
  push(item: T, key: number, rest: number, refined = false): void {
    let entry = this.entries[this.size];
    if (entry) {
      entry.item = item;
      entry.key = key;
      entry.rest = rest;
      entry.refined = refined;
    } else this.entries.push((entry = { item, key, rest, refined }));
    this.size += 1;
  }

  /** Orders the pushed entries (after the pushes, before `top`). */
  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i -= 1) this.down(i);
  }

  top(): BoundEntry<T> | undefined {
    return this.size > 0 ? this.entries[0] : undefined;
  }

  /** Lowers the top's key to its refined bound, and restores the order. */
  refineTop(key: number): void {
    const top = this.entries[0]!;
    top.key = key;
    top.refined = true;
    this.down(0);
  }

  pop(): void {
    this.size -= 1;
    if (this.size === 0) return;
    this.swap(0, this.size);
    this.down(0);
  }

  private down(i: number): void {
    const entries = this.entries;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && entries[right]!.key > entries[left]!.key ? right : left;
      if (!(entries[child]!.key > entries[i]!.key)) return;
      this.swap(i, child);
      i = child;
    }
  }

  private swap(a: number, b: number): void {
    const entries = this.entries;
    const entry = entries[a]!;
    entries[a] = entries[b]!;
    entries[b] = entry;
  }
}
