export { buildApp, type BuildOverrides } from './app.js';
export { notificationConfigSchema, type NotificationConfig } from './config.js';
