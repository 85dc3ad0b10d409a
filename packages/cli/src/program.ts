import { streamDemo } from '@ketnoi/demo';
import { Command, CommanderError } from 'commander';
import type { Kafka } from 'kafkajs';
import { cliKafka } from './kafka/cli-kafka.js';
import { readCliEnv, type CliEnv } from './config.js';
import { demoCommand, type DemoDeps } from './commands/demo-command.js';
import { importCommand, type ImportDeps } from './commands/import-command.js';
import { dlqCommand, tailCommand } from './commands/kafka-commands.js';
import { importFile } from './import/import-file.js';
import { processIo, type CliIo } from './io/cli-io.js';

export interface CliDeps {
  io: CliIo;
  env: CliEnv;
  kafka: (brokers: string[]) => Kafka;
  streamDemo: DemoDeps['streamDemo'];
  importFile: ImportDeps['importFile'];
  exit: ImportDeps['exit'];
  signal?: AbortSignal;
}

/** The `ketnoi` program; its collaborators are given, so tests can run it whole. */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('ketnoi')
    .description("KetNoi operators' tool: demo data, file imports, topic tails, dead letters")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => deps.io.out(text.trimEnd()), writeErr: (text) => deps.io.err(text.trimEnd()) });
  demoCommand(program, deps);
  importCommand(program, deps);
  tailCommand(program, deps);
  dlqCommand(program, deps);
  return program;
}

/** Runs the program on argv; answers the exit code (0 ok, 1 error, 2 rows refused by an import). */
export async function runCli(argv: readonly string[], deps: Partial<Omit<CliDeps, 'exit'>> = {}): Promise<number> {
  const io = deps.io ?? processIo();
  const exit = { code: 0 };
  try {
    const program = buildProgram({
      io,
      env: deps.env ?? readCliEnv(),
      kafka: deps.kafka ?? cliKafka,
      streamDemo: deps.streamDemo ?? streamDemo,
      importFile: deps.importFile ?? importFile,
      exit,
      ...(deps.signal === undefined ? {} : { signal: deps.signal }),
    });
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
}
