import type { Command } from 'commander';
import type { Kafka } from 'kafkajs';
import type { CliEnv } from '../config.js';
import { replayDeadLetters, listDeadLetters } from '../dlq/dead-letters.js';
import { replayKey } from '../dlq/dead-letter-view.js';
import { parseOffsets, type OffsetChoice } from '../dlq/select-offsets.js';
import { formatDeadLetter } from '../format/dead-letter-line.js';
import { formatEvent } from '../format/event-line.js';
import type { CliIo } from '../io/cli-io.js';
import { tailTopic } from '../tail/tail-topic.js';
import { brokerList, integerIn } from './arguments.js';

export interface KafkaDeps {
  io: CliIo;
  env: CliEnv;
  kafka: (brokers: string[]) => Kafka;
  /** Aborts a running tail (Ctrl-C). */
  signal?: AbortSignal;
}

const kafkaOf = (deps: KafkaDeps, flags: { brokers?: string[] }) => deps.kafka(flags.brokers ?? deps.env.kafkaBrokers);

export function tailCommand(program: Command, deps: KafkaDeps): void {
  program
    .command('tail <topic>')
    .description('print the events of a topic as they arrive: time, partition@offset, type, key, subject, compact data (citizen-IDs masked)')
    .option('--from-beginning', 'start at the oldest record, not at the end')
    .option('--key <key>', 'only records with this key')
    .option('--type <type>', 'only events of this CloudEvents type')
    .option('--max <n>', 'stop after n records', integerIn(1, Number.MAX_SAFE_INTEGER))
    .option('--width <chars>', 'clip the data to this many characters (0: never)', integerIn(0, 1_000_000), 240)
    .option('--brokers <list>', 'Kafka brokers (env KAFKA_BROKERS)', brokerList)
    .action(async (topic: string, flags: { fromBeginning?: boolean; key?: string; type?: string; max?: number; width: number; brokers?: string[] }) => {
      await tailTopic(kafkaOf(deps, flags), {
        topic,
        fromBeginning: flags.fromBeginning ?? false,
        ...(flags.key === undefined ? {} : { key: flags.key }),
        ...(flags.type === undefined ? {} : { type: flags.type }),
        ...(flags.max === undefined ? {} : { max: flags.max }),
        ...(deps.signal === undefined ? {} : { signal: deps.signal }),
        onReady: () => deps.io.err(`following ${topic}${flags.fromBeginning ? ' from the beginning' : ''} (Ctrl-C stops)`),
        print: (record) => deps.io.out(formatEvent(record, flags.width)),
      });
    });
}

export function dlqCommand(program: Command, deps: KafkaDeps): void {
  const dlq = program.command('dlq').description("inspect a topic's dead letters and replay them after a fix");
  dlq
    .command('list <topic>')
    .description('list the dead letters of <topic> (or of <topic>.dlq given directly): offset, when, code, type, key, origin, replayed or not, reason')
    .option('--brokers <list>', 'Kafka brokers (env KAFKA_BROKERS)', brokerList)
    .action(async (topic: string, flags: { brokers?: string[] }) => {
      const { dlqTopic, letters, replays } = await listDeadLetters(kafkaOf(deps, flags), topic);
      deps.io.out(`${dlqTopic}: ${letters.length} dead letter(s), ${letters.filter((l) => replays.has(replayKey(l.partition, l.offset))).length} replayed`);
      for (const letter of letters) deps.io.out(formatDeadLetter(letter, replays.get(replayKey(letter.partition, letter.offset))));
    });
  dlq
    .command('replay <topic>')
    .description('send chosen dead letters back to the topic they came from, unchanged; each replay is recorded in <topic>.dlq.replayed')
    .option('--offset <list>', 'offsets to replay: N, N,M or partition:N', parseOffsets)
    .option('--all', 'every dead letter not replayed yet')
    .option('--force', 'replay again what was replayed before')
    .option('--brokers <list>', 'Kafka brokers (env KAFKA_BROKERS)', brokerList)
    .action(async (topic: string, flags: { offset?: OffsetChoice[]; all?: boolean; force?: boolean; brokers?: string[] }) => {
      if (Boolean(flags.offset) === Boolean(flags.all)) throw new Error('say which dead letters: --offset N[,M...] or --all');
      const outcome = await replayDeadLetters(kafkaOf(deps, flags), {
        topic,
        ...(flags.offset ? { choices: flags.offset } : {}),
        force: flags.force ?? false,
      });
      for (const letter of outcome.replayed) deps.io.out(`replayed ${letter.partition}:${letter.offset} to ${letter.origin.topic}`);
      for (const { letter, entry } of outcome.skipped) {
        deps.io.out(`skipped ${letter.partition}:${letter.offset}: replayed ${entry.replayedAt} by ${entry.by} (--force replays it again)`);
      }
      deps.io.out(`${outcome.replayed.length} replayed, ${outcome.skipped.length} skipped`);
    });
}
