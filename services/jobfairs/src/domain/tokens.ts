import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed tokens of this service: HMAC-SHA256 over a purpose and the fields,
 * so a check-in code cannot be forged, altered or used as a self-service link.
 * Fields are ids ([A-Za-z0-9_-]) and numbers, joined by dots.
 */
export class TokenSigner {
  constructor(private readonly secret: string) {}

  sign(purpose: string, fields: readonly string[]): string {
    return [...fields, this.mac(purpose, fields)].join('.');
  }

  /** The fields of a valid token of this purpose with `count` fields, else null. */
  verify(purpose: string, token: string, count: number): string[] | null {
    const parts = token.split('.');
    if (parts.length !== count + 1) return null;
    const fields = parts.slice(0, count);
    const given = Buffer.from(parts[count]!);
    const expected = Buffer.from(this.mac(purpose, fields));
    return given.length === expected.length && timingSafeEqual(given, expected) ? fields : null;
  }

  private mac(purpose: string, fields: readonly string[]): string {
    return createHmac('sha256', this.secret).update([purpose, ...fields].join('\u0000')).digest('base64url');
  }
}

/** What a check-in QR code encodes: the fair and the registration, signed. */
export const checkInToken = (signer: TokenSigner, fairId: string, registrationId: string): string =>
  signer.sign('check-in', [fairId, registrationId]);

export function readCheckInToken(signer: TokenSigner, token: string): { fairId: string; registrationId: string } | null {
  const fields = signer.verify('check-in', token, 2);
  return fields ? { fairId: fields[0]!, registrationId: fields[1]! } : null;
}

/** A worker's self-service link to one fair: register, consent, see their list, book interviews. */
export const selfServiceToken = (signer: TokenSigner, fairId: string, workerId: string, expiresAt: Date): string =>
  signer.sign('self-service', [fairId, workerId, String(Math.floor(expiresAt.getTime() / 1000))]);

export function readSelfServiceToken(signer: TokenSigner, token: string, now: Date): { fairId: string; workerId: string } | null {
  const fields = signer.verify('self-service', token, 3);
  if (!fields || Number(fields[2]) * 1000 <= now.getTime()) return null;
  return { fairId: fields[0]!, workerId: fields[1]! };
}

/** A pseudonym of a worker, stable within one fair and unlinkable across fairs. */
export const candidateRef = (signer: TokenSigner, fairId: string, workerId: string): string =>
  `cand_${signer.sign('candidate', [fairId, workerId]).split('.').at(-1)!.slice(0, 16)}`;
