/** Name of the bearer-JWT security scheme; routes guarded by `requireRole` are documented with it. */
export const BEARER_SCHEME = 'bearerAuth';
