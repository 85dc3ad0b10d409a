import { isDuplicateKey } from '@ketnoi/errors';

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
