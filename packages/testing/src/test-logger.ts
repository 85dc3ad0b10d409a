import { pino, type Logger } from 'pino';

/** Quiet by default; TEST_LOG_LEVEL=debug shows what the code under test logs. */
export const testLogger = (): Logger => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
