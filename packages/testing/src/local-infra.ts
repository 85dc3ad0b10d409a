import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../infra/infra.sh', import.meta.url));

const run = (command: 'up' | 'down' | 'status'): boolean => {
  try {
    execFileSync('bash', [script, command], { stdio: command === 'status' ? 'ignore' : 'inherit' });
    return true;
  } catch {
    return false;
  }
};

/** Starts the project's own Kafka and FerretDB unless they already answer; says whether it started them. */
export function ensureLocalInfra(): boolean {
  if (run('status')) return false;
  if (!run('up')) throw new Error('local infrastructure failed to start: see .data/logs/');
  return true;
}

export const stopLocalInfra = (): void => void run('down');

export const localUrls = (env: NodeJS.ProcessEnv = process.env) => ({
  kafkaBrokers: [`127.0.0.1:${env.KAFKA_PORT ?? '9092'}`],
  mongoUrl: `mongodb://127.0.0.1:${env.FERRETDB_PORT ?? '27017'}`,
});
