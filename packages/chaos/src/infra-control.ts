import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface InfraControl {
  /** `kill -9` of the broker's JVM (its pid file); resolves once it is gone. */
  killKafka: () => Promise<void>;
  startKafka: () => Promise<void>;
  stopFerretDb: () => Promise<void>;
  startFerretDb: () => Promise<void>;
}

/** Runs an infra script to its end; fails with its last output lines. */
function runScript(root: string, script: string, verb: string, env: Record<string, string>, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(root, script), verb], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-2_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${script} ${verb} failed (${code ?? signal}): ${output}`));
    });
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The project's own infra scripts (infra/kafka/kafka.sh, infra/ferretdb/ferretdb.sh),
 * run with `env` so that they find the data dir and ports of the infrastructure
 * under test.
 */
export function infraControl(root: string, env: Record<string, string>): InfraControl {
  const dataDir = env.KETNOI_DATA_DIR ?? join(root, '.data');
  return {
    async killKafka() {
      const pid = Number((await readFile(join(dataDir, 'kafka', 'kafka.pid'), 'utf8')).trim());
      if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no Kafka pid in ${dataDir}/kafka/kafka.pid`);
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 10_000;
      while (alive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      if (alive(pid)) throw new Error(`Kafka (pid ${pid}) still alive 10 s after SIGKILL`);
    },
    startKafka: () => runScript(root, 'infra/kafka/kafka.sh', 'start', env, 180_000),
    stopFerretDb: () => runScript(root, 'infra/ferretdb/ferretdb.sh', 'stop', env, 60_000),
    startFerretDb: () => runScript(root, 'infra/ferretdb/ferretdb.sh', 'start', env, 60_000),
  };
}
