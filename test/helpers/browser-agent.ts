// A cookie-keeping client over app.inject that behaves like a browser posting
// forms: it reads the form's CSRF token from the page and sends this site's Origin.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { csrfToken } from "./html.js";

export const ORIGIN = "http://localhost:80";

export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance, readonly userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0") {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.keep(await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader(), "user-agent": this.userAgent, host: "localhost:80", ...headers } }));
  }

  /** Posts fields as a form would; `_csrf` is taken from `formPage` unless given. */
  async post(url: string, fields: Record<string, string | string[]>, opts: { formPage?: string; headers?: Record<string, string> } = {}) {
    const payload = new URLSearchParams();
    let hasToken = "_csrf" in fields;
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) payload.append(k, one);
    if (!hasToken) {
      const page = await this.get(opts.formPage ?? url);
      const token = csrfToken(page.body);
      if (token) payload.append("_csrf", token);
      hasToken = Boolean(token);
    }
    return this.keep(
      await this.app.inject({
        method: "POST",
        url,
        payload: payload.toString(),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: this.cookieHeader(),
          origin: ORIGIN,
          host: "localhost:80",
          "user-agent": this.userAgent,
          ...opts.headers,
        },
      }),
    );
  }

  async signUp(username: string, password = "correct horse battery", formPage = "/signup") {
    const res = await this.post("/signup", { username, password, email: "" }, { formPage });
    if (res.statusCode !== 303) throw new Error(`sign-up of ${username} failed: ${res.statusCode}\n${res.body.slice(0, 2000)}`);
    return res;
  }

  async logIn(username: string, password = "correct horse battery") {
    return this.post("/login", { username, password }, { formPage: "/login" });
  }
}

/** A new browser that signed up as `username`, and so is logged in. */
export async function signedUp(app: FastifyInstance, username: string): Promise<Agent> {
  const agent = new Agent(app);
  await agent.signUp(username);
  return agent;
}
