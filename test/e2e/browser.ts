// Headless Debian Chromium driven by playwright-core, against the real app
// listening on a free port of this machine.
import { chromium, type Browser, type Page } from "playwright-core";
import type { Config } from "../../server/config.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface BrowserSession {
  baseUrl: string;
  page: Page;
  browser: Browser;
  server: TestApp;
  close(): Promise<void>;
}

export async function openBrowser(opts: { demo?: boolean; config?: Partial<Config> } = { demo: true }): Promise<BrowserSession> {
  const server = await createTestApp({ demo: opts.demo, config: opts.config });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    page,
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
