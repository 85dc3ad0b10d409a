import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** How long a forked script or a consumer may take to be ready. */
export const READY_MS = 60_000;

/**
 * Forks one of this package's scripts (`src/<script>`) with the bench's own
 * Node flags (tsx, conditions), its options as the one argument, and waits
 * for its first message (it is ready: e.g. its consumers joined, its server
 * listens), which is returned. `ready`: what that message means, for the error.
 */
export async function forkReady(script: string, options: { name: string }, ready: string): Promise<{ child: ChildProcess; message: unknown }> {
  const child = fork(join(import.meta.dirname, script), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = await new Promise<unknown>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${options.name} did not ${ready} in ${READY_MS / 1000} s`)), READY_MS);
    child.once('message', (first) => {
      clearTimeout(timer);
      done(first);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${options.name} exited with ${code}`));
    });
  }).catch((error: unknown) => {
    child.kill();
    throw error;
  });
  return { child, message };
}

/** Asks a forked script to stop ('stop') and waits until it has; killed after 10 s. */
export async function stopForked(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
