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

/**
 * Like singleFlight, but a caller joins only a call that began after `since`
 * (performance.now() when the caller's request arrived): the answer is then
 * never older than the request, so a visitor or member who has just written
 * (and got the answer to that write before sending this request) reads it.
 * A caller that finds only an older call under way starts a newer one, which
 * those arriving after it join.
 */
export function freshSingleFlight<K, V>(fn: (key: K) => Promise<V>): (key: K, since: number) => Promise<V> {
  const pending = new Map<K, { startedAt: number; answer: Promise<V> }>();
  return (key, since) => {
    const running = pending.get(key);
    if (running && running.startedAt >= since) return running.answer;
    const entry = { startedAt: performance.now(), answer: fn(key) };
    entry.answer.finally(() => {
      if (pending.get(key) === entry) pending.delete(key);
    }).catch(() => {});
    pending.set(key, entry);
    return entry.answer;
  };
}
