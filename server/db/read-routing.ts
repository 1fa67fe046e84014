// Which database the current request may read from, and whether it wrote.
// plugins/read-replica.ts decides per request; db/pg-driver.ts asks, for each
// lone SELECT, and tells when a statement changed rows, so that a GET that
// writes (opening a notification marks it read) also leaves the
// read-your-writes cookie and reads the primary for the rest of the request.
import { AsyncLocalStorage } from "node:async_hooks";

interface RequestReads {
  replica: boolean;
  wrote: boolean;
}

const requestReads = new AsyncLocalStorage<RequestReads>();

export function runWithReads<T>(replica: boolean, work: () => T): T {
  return requestReads.run({ replica, wrote: false }, work);
}

/** Outside a request (the figures worker, scripts), everything goes to the primary. */
export const mayReadReplica = (): boolean => requestReads.getStore()?.replica === true;

/** Called by the driver when a statement changed rows on the primary. */
export function noteWrite(): void {
  const store = requestReads.getStore();
  if (!store) return;
  store.wrote = true;
  store.replica = false; // the replica may not have it yet
}

export const requestWrote = (): boolean => requestReads.getStore()?.wrote === true;
