/** A unique-insert collision: the thing is already there (FerretDB and MongoDB both answer 11000 on insert). */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown }).code === 11000;

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
