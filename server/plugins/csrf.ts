// CSRF protection for every state-changing request: a token from the form
// (double-submit: it must match the visitor's secret cookie) AND an Origin, or
// failing that a Referer, of this very site. Either missing → 403 page.
import csrf from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { isSecureRequest } from "./session.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyReply {
    /** The token every form posts back as its hidden `_csrf` field. */
    csrfToken(): string;
  }
  interface FastifyContextConfig {
    /** A POST whose own signed token is its authority (one-click unsubscribe, RFC 8058: sent by mail software, not by a page). */
    signedLink?: boolean;
  }
}

export class CsrfError extends Error {
  statusCode = 403;
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin; // normalised: "http://host:80" and "http://host" are one origin
  } catch {
    return undefined;
  }
};

function sameSite(request: FastifyRequest): boolean {
  const own = originOf(`${request.protocol}://${request.host}`);
  const claimed = request.headers.origin ?? request.headers.referer;
  // "Origin: null" (sandboxed or privacy-stripped) never matches.
  return own !== undefined && claimed !== undefined && originOf(claimed) === own;
}

/** The cookie holding a browser's CSRF secret (the forms' tokens are made from it). */
export const CSRF_COOKIE = "escalator_csrf";

export default fp(async function csrfPlugin(app: FastifyInstance) {
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: "/", sameSite: "lax", httpOnly: true },
    logLevel: "info",
  });
  app.decorateReply("csrfToken", function (this: FastifyReply) {
    return this.generateCsrf({ secure: isSecureRequest(this.request, app.config.cookieSecure) });
  });

  // Before the route's schema: a forged request is refused as forged, not as malformed.
  app.addHook("preValidation", (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) {
      // The header's log-out button is a form on every page a member sees.
      if (request.user && reply.locals) reply.locals.csrfToken = reply.csrfToken();
      return done();
    }
    if (request.routeOptions.config?.signedLink) return done();
    if (!sameSite(request)) return done(new CsrfError("This form was sent from another site, so it was refused. Please go back, reload the page and try again."));
    // On a bad or missing token this sends a 403 FST_CSRF_* error to the error page.
    app.csrfProtection(request, reply, done);
  });
});
