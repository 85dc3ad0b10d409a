import { spawn } from 'node:child_process';
import { join } from 'node:path';

const run = (root: string, action: 'up' | 'down' | 'status', quiet: boolean): Promise<number> =>
  new Promise((resolve) => {
    // Its own process group: a Ctrl-C in the terminal reaches the launcher, which stops things in order.
    const child = spawn('bash', [join(root, 'infra/infra.sh'), action], { cwd: root, stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'], detached: true });
    child.once('error', () => resolve(127));
    child.once('close', (code) => resolve(code ?? 1));
  });

/** Kafka and FerretDB through infra/infra.sh; `up` tells whether they were already running (then `down` leaves them). */
export async function infraUp(root: string): Promise<{ alreadyUp: boolean }> {
  const alreadyUp = (await run(root, 'status', true)) === 0;
  if (alreadyUp) return { alreadyUp };
  const code = await run(root, 'up', false);
  if (code !== 0) throw new Error(`infra/infra.sh up failed (exit ${code})`);
  return { alreadyUp };
}

export async function infraDown(root: string): Promise<void> {
  const code = await run(root, 'down', false);
  if (code !== 0) throw new Error(`infra/infra.sh down failed (exit ${code})`);
}
