import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

const toPinoLevel = (level: logLevel): 'error' | 'warn' | 'info' | 'debug' => {
  if (level === logLevel.ERROR || level === logLevel.NOTHING) return 'error';
  if (level === logLevel.WARN) return 'warn';
  if (level === logLevel.INFO) return 'info';
  return 'debug';
};

/** kafkajs logs through pino, as a child logger named `kafkajs`. */
const pinoLogCreator =
  (logger: Logger): logCreator =>
  () => {
    const log = logger.child({ component: 'kafkajs' });
    return ({ level, log: entry }: LogEntry) => {
      const { message, timestamp: _t, logger: _l, ...fields } = entry;
      log[toPinoLevel(level)](fields, message);
    };
  };

export const createKafka = ({ brokers, clientId, logger }: KafkaClientOptions): Kafka =>
  new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger),
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 300, retries: 8 },
  });
