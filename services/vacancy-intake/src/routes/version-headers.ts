import { KetNoiError } from '@ketnoi/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The version an `If-Match` names: `"3"`, `W/"3"` or `3`. */
export function ifMatchVersion(request: FastifyRequest, required: true): number;
export function ifMatchVersion(request: FastifyRequest, required: false): number | undefined;
export function ifMatchVersion(request: FastifyRequest, required: boolean): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) {
    if (!required) return undefined;
    throw new KetNoiError('PRECONDITION_REQUIRED', 'Send If-Match with the version you are changing (the ETag of your last read)', { status: 428 });
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new KetNoiError('PRECONDITION_INVALID', 'If-Match must be a version such as "3"', { status: 400 });
  return Number(match[1]);
}

/** ETag and Location of an aggregate version in an answer. */
export const versionHeaders = (reply: FastifyReply, version: number, location?: string): FastifyReply => {
  reply.header('etag', `"${version}"`);
  return location === undefined ? reply : reply.header('location', location);
};
