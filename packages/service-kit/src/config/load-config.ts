import type { z } from 'zod';
import { KetNoiError } from '@ketnoi/errors';

/** Start-up stops here: the message names every variable that is wrong. */
export class ConfigError extends KetNoiError {
  readonly variables: string[];

  constructor(problems: { variable: string; message: string }[]) {
    const lines = problems.map(({ variable, message }) => `  ${variable}: ${message}`);
    super('CONFIG_INVALID', `Invalid configuration:\n${lines.join('\n')}`, { status: 500 });
    this.name = 'ConfigError';
    this.variables = [...new Set(problems.map((problem) => problem.variable))];
    // Where it was thrown does not help the operator; the variable names do.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Reads configuration once, through a zod schema. Messages never echo the
 * value that was given, as it may be a secret.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const result = schema.safeParse(env, { reportInput: true });
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.length > 0 ? issue.path.join('.') : '(configuration)',
      message: issue.input === undefined ? 'is required but not set' : issue.message,
    })),
  );
}
