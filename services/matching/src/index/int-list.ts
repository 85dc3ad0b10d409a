/** A growable list of int32 (a posting list of slots). */
export class IntList {
  data = new Int32Array(4);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Order is not kept: the last value takes the removed one's place. The index the value had (-1: not there). */
  remove(value: number): number {
    for (let i = 0; i < this.length; i += 1) {
      if (this.data[i] === value) {
        this.data[i] = this.data[--this.length]!;
        return i;
      }
    }
    return -1;
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

/** key → IntList, the inverted index from an occupation or skill id to slots. */
export class Postings {
  readonly lists = new Map<number, IntList>();

  add(key: number, slot: number): void {
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = new IntList()));
    list.push(slot);
  }

  remove(key: number, slot: number): void {
    this.lists.get(key)?.remove(slot);
  }

  get bytes(): number {
    let total = 0;
    for (const list of this.lists.values()) total += list.bytes;
    return total;
  }
}
