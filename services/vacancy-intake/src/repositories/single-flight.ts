/**
 * Concurrent reads of one key share one round trip: a caller that asks while
 * a read of its key is in flight gets that read's answer, so what it sees is
 * at most one round trip older than its question. The next caller after the
 * answer reads again: nothing is cached.
 */
export function singleFlight<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const inFlight = new Map<K, Promise<V>>();
  return (key) => {
    const running = inFlight.get(key);
    if (running) return running;
    const read = load(key).finally(() => inFlight.delete(key));
    inFlight.set(key, read);
    return read;
  };
}
