interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most items in one round (default 500). */
  maxItems?: number;
  /**
   * Let the first round wait one turn of the event loop, so that the calls
   * made in the same turn join it (default false: a lone call runs at once).
   */
  gatherTurn?: boolean;
}

/**
 * Gathers concurrent calls into one call of `run` for all of them: the first
 * call starts a round at once; calls made while a round runs wait for the
 * next round, which takes them all (up to `maxItems`). No timer: an idle
 * service answers a lone request as soon as before; a busy one writes each
 * collection once per round instead of once per request. `run` answers each
 * item in order; when it throws, every call of its round fails with that.
 */
export class GroupCommit<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = false;
  private readonly maxItems: number;
  private readonly gatherTurn: boolean;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly O[]>,
    { maxItems = 500, gatherTurn = false }: GroupCommitOptions = {},
  ) {
    this.maxItems = maxItems;
    this.gatherTurn = gatherTurn;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    if (this.gatherTurn) await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const round = this.queue.splice(0, this.maxItems);
      try {
        const results = await this.run(round.map((w) => w.item));
        round.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of round) w.reject(error);
      }
    }
    this.running = false;
  }
}
