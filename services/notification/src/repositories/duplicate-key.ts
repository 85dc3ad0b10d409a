import { duplicateIndexes, isDuplicateKey } from '@ketnoi/errors';

export { isDuplicateKey };

/** Inserts a document; false when one with the same `_id` exists. */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Inserts documents in one command (unordered); returns the indexes of those
 * refused because one with the same `_id` exists. Any other failure throws.
 */
export async function insertManyOnce(insert: (docs: readonly object[]) => Promise<unknown>, docs: readonly object[]): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await insert(docs);
    return new Set();
  } catch (error) {
    return duplicateIndexes(error, docs.length);
  }
}
