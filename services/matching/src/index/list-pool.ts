/**
 * Every worker's id lists in one Uint16Array: a worker's region is rewritten
 * at the end on change, and the pool is compacted once half of it is stale.
 */
export class ListPool {
  data = new Uint16Array(1 << 16);
  end = 0;
  stale = 0;

  append(source: Uint16Array, from: number, length: number): number {
    if (this.end + length > this.data.length) {
      const grown = new Uint16Array(Math.max(this.data.length * 2, this.end + length));
      grown.set(this.data.subarray(0, this.end));
      this.data = grown;
    }
    const at = this.end;
    this.data.set(source.subarray(from, from + length), at);
    this.end += length;
    return at;
  }

  get needsCompaction(): boolean {
    return this.stale > 1 << 20 && this.stale * 2 > this.end;
  }
}
