import { isKetNoiError } from '@ketnoi/errors';

const RACES = new Set(['VERSION_CONFLICT', 'ALREADY_EXISTS']);

/**
 * Runs a read-decide-save step again when another writer saved the same
 * version (or created the same aggregate) first. For commands whose caller
 * named no version (hires, expiry, ingest): each attempt reads the latest state.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!(isKetNoiError(error) && RACES.has(error.code)) || attempt >= attempts) throw error;
    }
  }
}
