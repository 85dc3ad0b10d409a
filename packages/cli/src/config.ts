import { isAbsolute, resolve } from 'node:path';
import { loadConfig } from '@ketnoi/service-kit';
import { z } from 'zod';

const list = z
  .string()
  .transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().min(1)).min(1));

/** What the CLI reads from the environment; flags override it. */
export const cliEnvSchema = z.object({
  KAFKA_BROKERS: list.default(['127.0.0.1:9092']),
  REGISTRATION_URL: z.url().default('http://127.0.0.1:3001'),
  VACANCY_INTAKE_URL: z.url().default('http://127.0.0.1:3002'),
  /** A staff token of the identity provider (vacancy-intake's `dev-token` script exports STAFF_TOKEN). */
  KETNOI_TOKEN: z.string().min(1).optional(),
  STAFF_TOKEN: z.string().min(1).optional(),
  /** Where `pnpm ketnoi` was typed: pnpm runs root scripts from the root and says so here. */
  INIT_CWD: z.string().optional(),
});

// An empty variable counts as unset, as in the services' configuration.
const envSchema = z.preprocess(
  (env) => Object.fromEntries(Object.entries(env as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== '')),
  cliEnvSchema,
);

export interface CliEnv {
  kafkaBrokers: string[];
  registrationUrl: string;
  vacancyIntakeUrl: string;
  token?: string;
  cwd: string;
}

/** The CLI's settings from the environment (process.env unless given); a bad variable is named, its value never echoed. */
export function readCliEnv(env?: Record<string, string | undefined>, cwd = process.cwd()): CliEnv {
  const e = env === undefined ? loadConfig(envSchema) : loadConfig(envSchema, env);
  const token = e.KETNOI_TOKEN ?? e.STAFF_TOKEN;
  return {
    kafkaBrokers: e.KAFKA_BROKERS,
    registrationUrl: e.REGISTRATION_URL,
    vacancyIntakeUrl: e.VACANCY_INTAKE_URL,
    ...(token === undefined ? {} : { token }),
    cwd: e.INIT_CWD ?? cwd,
  };
}

/** A file named on the command line, relative to where the user typed it. */
export const resolveFile = (env: CliEnv, file: string): string => (isAbsolute(file) ? file : resolve(env.cwd, file));
