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
// What the driver's MongoBulkWriteError (its name whatever the cause) says when the database was not there.
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN|connection .*(closed|timed out|refused)|not connected|topology|pool|server selection/i;

/**
 * A bulk write is retriable when it could not reach the database (an empty
 * list of write errors: no document was answered for; or a transient cause or
 * message) or when every write it refused met the backend's lock; a refused
 * document (validation, duplicate key) is final.
 */
function isRetriableBulkWrite(error: Error): boolean {
  const found = (error as { writeErrors?: unknown }).writeErrors;
  if (Array.isArray(found) && found.length === 0) return true;
  const failed = (Array.isArray(found) ? found : found ? [found] : []) as { errmsg?: unknown }[];
  if (failed.length === 0) return isRetriable((error as { cause?: unknown }).cause) || UNREACHABLE.test(error.message) || BUSY_BACKEND.test(error.message);
  return failed.every((e) => BUSY_BACKEND.test(String(e.errmsg ?? '')));
}

/** Whether trying the same thing again later may succeed. */
export function isRetriable(error: unknown): boolean {
  if (isKetNoiError(error)) return error.retriable;
  if (!(error instanceof Error)) return false;
  if ((error as { retriable?: unknown }).retriable === true) return true;
  if (TRANSIENT_NAMES.has(error.name)) return true;
  if (error.name === 'MongoServerError' && BUSY_BACKEND.test(error.message)) return true;
  if (error.name === 'MongoBulkWriteError') return isRetriableBulkWrite(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}
