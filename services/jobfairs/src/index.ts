export { buildApp, type BuildOverrides } from './app.js';
export { configSchema, type Config } from './config.js';
