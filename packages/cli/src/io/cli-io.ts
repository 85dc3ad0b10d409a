/** Where commands write: stdout for results, stderr for progress and errors. Tests capture both. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Progress bars only on a terminal. */
  interactive: boolean;
}

export const processIo = (): CliIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
});
