import { KetNoiError, type KetNoiErrorOptions } from './ketnoi-error.js';

type Extra = Omit<KetNoiErrorOptions, 'status' | 'retriable'>;

export const validationError = (message: string, extra: Extra = {}): KetNoiError =>
  new KetNoiError('VALIDATION_FAILED', message, { ...extra, status: 400 });

export const unauthorized = (message = 'Authentication required'): KetNoiError =>
  new KetNoiError('UNAUTHORIZED', message, { status: 401 });

export const forbidden = (message = 'Not allowed'): KetNoiError =>
  new KetNoiError('FORBIDDEN', message, { status: 403 });

export const notFound = (what: string, extra: Extra = {}): KetNoiError =>
  new KetNoiError('NOT_FOUND', `${what} not found`, { ...extra, status: 404 });

export const conflict = (message: string, extra: Extra = {}): KetNoiError =>
  new KetNoiError('CONFLICT', message, { ...extra, status: 409 });

/** A dependency (database, broker, gateway) did not answer: try again later. */
export const unavailable = (message: string, extra: Extra = {}): KetNoiError =>
  new KetNoiError('DEPENDENCY_UNAVAILABLE', message, { ...extra, status: 503, retriable: true });
