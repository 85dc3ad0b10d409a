export { buildApp, type BuildOverrides } from './app.js';
export { registrationConfigSchema, type RegistrationConfig } from './config.js';
