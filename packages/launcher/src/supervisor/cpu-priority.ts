import { writeFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * A process's CPU priority as Unix `nice`: -20 (first) to 19 (last), 0 the
 * default. Raising one above 0 lets the others have the CPU first when it is
 * scarce; it still gets whatever they leave. Below 0 needs privileges
 * (CAP_SYS_NICE).
 */
export const niceValue = z.coerce.number().int().min(-20).max(19);

/**
 * The command line that starts `command` at `nice`: through coreutils'
 * `nice`, which sets it before `command` runs, so every thread the process
 * makes (a Node process makes its V8 and libuv threads at start) inherits it.
 */
export function nicedCommand(command: string, args: readonly string[], nice: number): { command: string; args: string[] } {
  return nice === 0 ? { command, args: [...args] } : { command: 'nice', args: ['-n', String(nice), command, ...args] };
}

/**
 * Gives the scheduler group of `pid`'s session that `nice`. On Linux with
 * autogroups (`kernel.sched_autogroup_enabled`), each session is a group and
 * busy groups share the CPU by their groups' nice, whatever their processes'
 * own: a supervised process has a session of its own, so its share is set
 * here. Nothing to do where the kernel has no autogroups (there the
 * process's own nice, from `nicedCommand`, is what counts).
 */
export async function setSessionNice(pid: number, nice: number): Promise<void> {
  await writeFile(`/proc/${pid}/autogroup`, String(nice)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
