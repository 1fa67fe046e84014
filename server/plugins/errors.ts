// Friendly HTML pages for 404, 403, 429, 503 and 500. A visitor never sees a
// stack trace; the log gets it. A 503 comes in the route's own format, so a
// script reading /companies.json or .csv gets something it can parse.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

// Errors that mean "the database is not there right now" rather than "a bug".
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Connection ended/i;

// The database is there but gave up on this query (statement or lock timeout, cancelled under load).
const BUSY_CODES = new Set(["57014", "55P03"]);

export function isDatabaseBusy(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && BUSY_CODES.has(code);
}

export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" && UNREACHABLE_CODES.has(code)) || UNREACHABLE_MESSAGES.test(error.message);
}

function forbiddenMessage(request: FastifyRequest, error: FastifyError): string {
  const t = request.i18n.t.errors;
  if (error.code?.startsWith("FST_CSRF")) return t.csrf;
  return error.message || t.forbidden.message;
}

export interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

/** The error page in the request's language (its words come from request.i18n.t.errors). */
export function sendErrorPage(reply: FastifyReply, page: ErrorPage): FastifyReply {
  // Given explicitly: a request refused before the view plugin's hook (while closing) has no locals yet.
  return reply.code(page.status).type("text/html; charset=utf-8").view("errors/error.eta", { ...reply.request.i18n, ...page });
}

export type ResponseFormat = "html" | "json" | "csv" | "xml";

/** The format a route answers in, from its address: /companies.json, /companies.csv, /feed.xml, the operators' endpoints. */
export function responseFormat(request: FastifyRequest): ResponseFormat {
  const path = request.url.split("?")[0] ?? "";
  if (path.endsWith(".json") || path === "/healthz" || path === "/readyz") return "json";
  if (path.endsWith(".csv")) return "csv";
  if (path.endsWith(".xml")) return "xml";
  return "html";
}

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An error in the route's own format: the friendly page, or JSON, CSV or XML for a script reading the data. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, page: ErrorPage & { error: string }): FastifyReply {
  reply.code(page.status);
  switch (responseFormat(request)) {
    case "json":
      return reply.type("application/json; charset=utf-8").send({ error: page.error, message: page.message });
    case "csv":
      return reply.type("text/csv; charset=utf-8").send(`error\r\n"${page.message.replace(/"/g, '""')}"\r\n`);
    case "xml":
      return reply.type("application/xml; charset=utf-8").send(`<?xml version="1.0" encoding="utf-8"?>\n<error>${xmlEscape(page.message)}</error>\n`);
    default:
      return sendErrorPage(reply, { status: page.status, title: page.title, message: page.message });
  }
}

/** 503 with Retry-After, as a page, JSON, CSV or XML depending on the route. */
export function sendUnavailable(request: FastifyRequest, reply: FastifyReply, page: { title: string; message: string; retryAfterSeconds: number }): FastifyReply {
  reply.header("Retry-After", String(page.retryAfterSeconds));
  return sendProblem(request, reply, { status: 503, error: "unavailable", title: page.title, message: page.message });
}

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => sendErrorPage(reply, { status: 404, ...request.i18n.t.errors.notFound }));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const t = request.i18n.t.errors;
    if (isDatabaseUnreachable(error)) {
      request.log.warn({ err: error }, "database unreachable");
      return sendUnavailable(request, reply, { ...t.unreachable, retryAfterSeconds: 30 });
    }
    // A route's schema refused the request: a malformed address is a page that is not there.
    if (error.validation) {
      const params = error.validationContext === "params";
      return sendProblem(request, reply, { status: params ? 404 : 400, error: params ? "not_found" : "bad_request", ...(params ? t.notFound : t.badValue) });
    }
    if (isDatabaseBusy(error)) {
      request.log.warn({ err: error }, "database busy");
      return sendUnavailable(request, reply, { ...t.busy, retryAfterSeconds: 5 });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendErrorPage(reply, { status, title: t.tooMany.title, message: t.tooMany.message(String(reply.getHeader("retry-after") ?? 60)) });
    }
    if (status >= 400 && status < 500) {
      if (status === 403) return sendErrorPage(reply, { status, title: t.forbidden.title, message: forbiddenMessage(request, error) });
      return sendErrorPage(reply, { status, ...(status === 404 ? t.notFound : t.badRequest) });
    }
    request.log.error({ err: error }, "request failed");
    return sendErrorPage(reply, { status: 500, ...t.server });
  });
});
