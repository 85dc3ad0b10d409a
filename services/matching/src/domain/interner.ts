/** Codes to dense ids, so hot loops index typed arrays instead of hashing strings. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly codes: string[] = [];

  constructor(codes: Iterable<string> = []) {
    for (const code of codes) this.intern(code);
  }

  intern(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.codes.length;
      this.ids.set(code, id);
      this.codes.push(code);
    }
    return id;
  }

  idOf(code: string): number | undefined {
    return this.ids.get(code);
  }

  codeOf(id: number): string {
    return this.codes[id] ?? `#${id}`;
  }

  get size(): number {
    return this.codes.length;
  }
}
