import type { CliIo } from '../../src/io/cli-io.js';

/** Captures what a command prints. */
export function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, interactive: false, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}
