// The page's language, from its URL: /de/… is German, everything else English.
// app.ts's rewriteUrl has already stripped the prefix, so routes are registered
// once and see the unprefixed request.url; this plugin reads the original URL,
// sends a first visit whose browser prefers German to the /de/ page, prefixes
// every local redirect for the page's locale. The switch itself is i18n/routes.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { DEFAULT_LOCALE, i18nFor, isLocale, LOCALE_COOKIE, preferredLocale, type I18n, type Locale } from "../i18n/index.js";
import { localeOfPath, localisePath } from "../lib/paths.js";
import { responseFormat } from "./errors.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The page's language, from its URL prefix. */
    locale: Locale;
    /** Catalogue, formatter and paths for request.locale. */
    i18n: I18n;
    /** An unprefixed page whose answer depends on Accept-Language (a first visit may be sent to /de/). */
    negotiatesLocale: boolean;
  }
  interface FastifyContextConfig {
    /** The route's redirect already names its locale (the language switch). */
    keepLocation?: boolean;
  }
}

// Read before the cookie plugin runs, so a redirect costs no session lookup.
const COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})(?:;|$)`);
// Not pages: assets, operators' endpoints, the switch itself, robots and sitemaps.
const NOT_PAGES = /^\/(static\/|language\/|healthz|readyz|metrics|robots\.txt|sitemap)/;

/** For app.ts's rewriteUrl: the URL the router sees, without its locale prefix. */
export const unprefixedUrl = (url: string | undefined) => localeOfPath(url ?? "/").path;

function cookieLocale(request: FastifyRequest): Locale | undefined {
  const match = COOKIE_PATTERN.exec(request.headers.cookie ?? "");
  return match && isLocale(match[1]) ? match[1] : undefined;
}

function negotiates(request: FastifyRequest): boolean {
  return (request.method === "GET" || request.method === "HEAD") && request.locale === DEFAULT_LOCALE && responseFormat(request) === "html" && !NOT_PAGES.test(request.url);
}

export default fp(async function localePlugin(app: FastifyInstance) {
  app.decorateRequest("locale", DEFAULT_LOCALE);
  app.decorateRequest("i18n", {
    getter(this: FastifyRequest) {
      return i18nFor(this.locale);
    },
  });
  app.decorateRequest("negotiatesLocale", false);

  app.addHook("onRequest", async (request, reply) => {
    request.locale = localeOfPath(request.originalUrl).locale;
    if (!negotiates(request)) return;
    request.negotiatesLocale = true;
    // The choice made with the switch wins; without one, the browser's preference decides.
    const wanted = cookieLocale(request) ?? preferredLocale(request.headers["accept-language"]);
    if (!wanted || wanted === DEFAULT_LOCALE) return;
    return reply
      .header("vary", "Accept-Language, Cookie")
      .header("cache-control", "private, no-store")
      .redirect(localisePath(wanted, request.url), 302);
  });

  // Every route redirects to unprefixed paths; a German page's redirect stays German.
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (request.locale === DEFAULT_LOCALE || request.routeOptions.config.keepLocation) return payload;
    const location = reply.getHeader("location");
    if (typeof location === "string") reply.header("location", localisePath(request.locale, location));
    return payload;
  });
});
