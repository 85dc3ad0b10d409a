import type { AggregateVersion } from '@ketnoi/service-kit';
import QRCode from 'qrcode';
import type { FairState, InterviewState, RegistrationState } from '../domain/model.js';
import { candidateRef } from '../domain/tokens.js';
import type { JobFairsContext } from '../use-cases/context.js';

export const toFairView = (fair: AggregateVersion<FairState>) => ({ ...fair.state, version: fair.version, updatedAt: fair.updatedAt.toISOString() });

/** An interview as its booth's employer sees it: the worker by pseudonym unless they agreed to share (staff always see the id). */
export function toInterviewView(ctx: JobFairsContext, interview: AggregateVersion<InterviewState>, showWorker: boolean) {
  const { claimIds, workerId, registrationId, bookedAt, ...rest } = interview.state;
  void claimIds;
  void bookedAt;
  return {
    ...rest,
    version: interview.version,
    candidateRef: candidateRef(ctx.signer, rest.fairId, workerId),
    ...(showWorker ? { workerId, registrationId } : {}),
  };
}

export const toRegistrationView = (registration: AggregateVersion<RegistrationState>) => registration.state;

export type QrFormat = 'png' | 'svg' | 'text';

/** The attendee's QR code: an image of the signed check-in code (or the code itself as text). */
export async function qrImage(code: string, format: QrFormat): Promise<{ type: string; body: Buffer | string }> {
  if (format === 'text') return { type: 'text/plain; charset=utf-8', body: code };
  if (format === 'svg') return { type: 'image/svg+xml', body: await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  return { type: 'image/png', body: await QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 }) };
}
