import { randomBytes } from 'node:crypto';
import { KetNoiError } from '@ketnoi/errors';
import { open, seal, type Sealed } from './aes-gcm.js';

/**
 * Master keys wrap each worker's own data key (envelope encryption). New data
 * keys are wrapped with the current master key; older master keys stay to
 * unwrap what they wrapped, so keys can be rotated without re-encrypting.
 */
export class KeyRing {
  constructor(
    private readonly masters: ReadonlyMap<string, Buffer>,
    private readonly currentId: string,
  ) {
    if (!masters.has(currentId)) throw new Error(`master key ${currentId} is not in the key ring`);
  }

  newDataKey(workerId: string): { key: Buffer; wrapped: Sealed } {
    const key = randomBytes(32);
    return { key, wrapped: seal(this.masters.get(this.currentId)!, this.currentId, key, `dk:${workerId}`) };
  }

  unwrap(workerId: string, wrapped: Sealed): Buffer {
    const master = this.masters.get(wrapped.k);
    if (!master) throw new KetNoiError('KEY_UNKNOWN', `master key ${wrapped.k} is not configured`, { status: 500 });
    return open(master, wrapped, `dk:${workerId}`);
  }

  /** Whether a wrapped key still uses an older master key (for re-wrapping). */
  isCurrent(wrapped: Sealed): boolean {
    return wrapped.k === this.currentId;
  }
}
