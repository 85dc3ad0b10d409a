const DUPLICATE_KEY = 11000;

/**
 * A unique-insert collision: the thing is already there (FerretDB and MongoDB
 * both answer 11000). Takes a driver error or one entry of a bulk write's
 * `writeErrors`, whose code may sit on the entry or on its `err`.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, err } = error as { code?: unknown; err?: { code?: unknown } };
  return (code ?? err?.code) === DUPLICATE_KEY;
}
