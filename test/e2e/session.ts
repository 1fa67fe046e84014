// One browser and app per describe block, opened in its beforeAll and closed in its
// afterAll; the tests read the open session's parts from the returned object.
import { afterAll, beforeAll } from "vitest";
import { openBrowser, type BrowserSession } from "./browser.js";

export function browserForTests(opts: Parameters<typeof openBrowser>[0] = { demo: true }, after?: () => Promise<void>): BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await openBrowser(opts);
  });
  afterAll(async () => {
    await session?.close();
    await after?.();
  });
  const open = () => {
    if (!session) throw new Error("the browser opens in beforeAll: read the session inside a test");
    return session;
  };
  return {
    get baseUrl() { return open().baseUrl; },
    get page() { return open().page; },
    get browser() { return open().browser; },
    get server() { return open().server; },
    close: () => open().close(),
  };
}
