export { buildApp, type AppOverrides } from './app.js';
export { configSchema, type Config } from './config.js';
export { loadSigningKey, type SigningKey } from './auth/signing-key.js';
