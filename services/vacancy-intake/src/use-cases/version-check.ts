import { KetNoiError } from '@ketnoi/errors';

/** 412 when the caller's If-Match version is not the current one: its view is out of date. */
export function assertVersion(current: { id: string; version: number }, expectedVersion: number): void {
  if (current.version !== expectedVersion) {
    throw new KetNoiError('VERSION_CONFLICT', `${current.id} is at version ${current.version}, not ${expectedVersion}`, {
      status: 412,
      details: { id: current.id, currentVersion: current.version, expectedVersion },
    });
  }
}
