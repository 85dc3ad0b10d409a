/**
 * Runs tasks one at a time, in order. The engine is in memory and every
 * change awaits I/O (publish, save); without this, a vacancy change and a
 * worker change could interleave on one top-K list.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
