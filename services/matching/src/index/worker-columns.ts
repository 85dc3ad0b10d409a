/** One typed array per scalar field of a worker, indexed by slot; grown by doubling. */
export class WorkerColumns {
  flags = new Uint8Array(0);
  birthMonth = new Uint16Array(0);
  place = new Uint16Array(0);
  qualification = new Uint8Array(0);
  experienceTenths = new Uint16Array(0);
  expectedWageK = new Uint32Array(0);
  maxCommuteTenths = new Uint16Array(0);
  priority = new Uint8Array(0);
  at = new Uint32Array(0);
  /** nOccupations, nSkills, nCertificates, nLanguages per slot. */
  counts = new Uint8Array(0);
  /** A 64-bit mask of the worker's skills (two words per slot, `skillBit`), for the skills ceiling. */
  skillMask = new Uint32Array(0);
  /** The languages the worker speaks, at any level (`languageMask`), for the languages ceiling. */
  languages = new Uint8Array(0);
  capacity = 0;

  ensure(slots: number): void {
    if (slots <= this.capacity) return;
    const capacity = Math.max(1024, this.capacity * 2, slots);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array>(old: T, make: (n: number) => T, per = 1): T => {
      const next = make(capacity * per);
      next.set(old);
      return next;
    };
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.birthMonth = grow(this.birthMonth, (n) => new Uint16Array(n));
    this.place = grow(this.place, (n) => new Uint16Array(n));
    this.qualification = grow(this.qualification, (n) => new Uint8Array(n));
    this.experienceTenths = grow(this.experienceTenths, (n) => new Uint16Array(n));
    this.expectedWageK = grow(this.expectedWageK, (n) => new Uint32Array(n));
    this.maxCommuteTenths = grow(this.maxCommuteTenths, (n) => new Uint16Array(n));
    this.priority = grow(this.priority, (n) => new Uint8Array(n));
    this.at = grow(this.at, (n) => new Uint32Array(n));
    this.counts = grow(this.counts, (n) => new Uint8Array(n), 4);
    this.skillMask = grow(this.skillMask, (n) => new Uint32Array(n), 2);
    this.languages = grow(this.languages, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }

  get bytesPerSlot(): number {
    return 1 + 2 + 2 + 1 + 2 + 4 + 2 + 1 + 4 + 4 + 8 + 1;
  }
}
