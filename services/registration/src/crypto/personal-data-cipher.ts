import { open, seal, type Sealed } from './aes-gcm.js';

/** Encrypts a worker's personal fields with that worker's data key. */
export const sealPersonal = <T>(dataKey: Buffer, workerId: string, value: T): Sealed =>
  seal(dataKey, 'dk', Buffer.from(JSON.stringify(value)), `pii:${workerId}`);

export const openPersonal = <T>(dataKey: Buffer, workerId: string, sealed: Sealed): T =>
  JSON.parse(open(dataKey, sealed, `pii:${workerId}`).toString('utf8')) as T;
