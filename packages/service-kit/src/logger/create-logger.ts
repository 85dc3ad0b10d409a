import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { REDACTED, redactPaths } from './redact-paths.js';
import { traceMixin } from './trace-mixin.js';

export interface LoggerSettings {
  serviceName: string;
  level?: string;
}

interface RequestLike {
  method?: string;
  url?: string;
  id?: string;
}

// Query strings can carry personal data (a phone number searched for), so
// request lines keep the path only, and no client address.
const requestSerializer = (req: RequestLike) => ({
  method: req.method,
  url: req.url?.split('?')[0],
});

/** pino options shared by every service: ISO time, level names, redaction, trace ids. */
export function createLoggerOptions({ serviceName, level = 'info' }: LoggerSettings): LoggerOptions {
  return {
    level,
    base: { serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths, censor: REDACTED },
    mixin: traceMixin,
    serializers: { req: requestSerializer, err: pino.stdSerializers.err },
  };
}

/** A pino logger; `destination` defaults to stdout (tests pass a buffer). */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): Logger {
  const options = createLoggerOptions(settings);
  return destination === undefined ? pino(options) : pino(options, destination);
}
