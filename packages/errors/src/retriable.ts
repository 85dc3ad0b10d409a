import { isKetNoiError } from './ketnoi-error.js';

// Errors of drivers that mean "the other side is not there right now".
const TRANSIENT_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
// FerretDB on SQLite answers a write that met another writer's lock with a server error naming it.
const BUSY_BACKEND = /SQLITE_BUSY|database is locked/;

/** Whether trying the same thing again later may succeed. */
export function isRetriable(error: unknown): boolean {
  if (isKetNoiError(error)) return error.retriable;
  if (!(error instanceof Error)) return false;
  if ((error as { retriable?: unknown }).retriable === true) return true;
  if (TRANSIENT_NAMES.has(error.name)) return true;
  if (error.name === 'MongoServerError' && BUSY_BACKEND.test(error.message)) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}
