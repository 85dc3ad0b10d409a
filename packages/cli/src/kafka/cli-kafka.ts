import { createKafka } from '@ketnoi/messaging';
import type { Kafka } from 'kafkajs';
import { pino } from 'pino';

/** A Kafka client for the CLI: broker warnings to stderr, never to the output that is being read. */
export const cliKafka = (brokers: string[]): Kafka =>
  createKafka({ brokers, clientId: 'ketnoi-cli', logger: pino({ level: 'error' }, pino.destination(2)) });
