interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers concurrent calls into one call of `run` for all of them: the first
 * call starts a round at once; calls made while a round runs wait for the
 * next round, which takes them all (up to `maxItems`). No timer: an idle
 * service answers a lone request as soon as before; a busy one writes each
 * collection once per round instead of once per request.
 */
export class GroupCommit<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = false;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly maxItems = 500,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
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
