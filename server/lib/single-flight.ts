// Requests that ask the same question at the same moment share one answer:
// a call made while another with the same key is under way joins it instead
// of starting its own. Nothing is kept once it settles, so every answer is
// at least as new as the moment the shared call began.

export function singleFlight<K, V>(fn: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const pending = new Map<K, Promise<V>>();
  return (key) => {
    const running = pending.get(key);
    if (running) return running;
    const started = fn(key).finally(() => pending.delete(key));
    pending.set(key, started);
    return started;
  };
}
