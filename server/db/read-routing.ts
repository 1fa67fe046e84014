// Which database the current request may read from. plugins/read-replica.ts
// decides per request; db/pg-driver.ts asks, for each lone SELECT.
import { AsyncLocalStorage } from "node:async_hooks";

const requestReads = new AsyncLocalStorage<{ replica: boolean }>();

export function runWithReads<T>(replica: boolean, work: () => T): T {
  return requestReads.run({ replica }, work);
}

/** Outside a request (the figures worker, scripts), everything goes to the primary. */
export const mayReadReplica = (): boolean => requestReads.getStore()?.replica === true;
