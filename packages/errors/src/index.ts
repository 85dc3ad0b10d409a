export { KetNoiError, isKetNoiError, type KetNoiErrorOptions } from './ketnoi-error.js';
export * from './errors.js';
export { isRetriable } from './retriable.js';
export { duplicateIndexes, isDuplicateKey } from './duplicate-key.js';
export { backoffDelay, type Backoff } from './backoff.js';
