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

function forbiddenMessage(error: FastifyError): string {
  if (error.code?.startsWith("FST_CSRF")) {
    return "This form had expired or was not sent from Escalator, so nothing was changed. Please go back, reload the page and try again.";
  }
  return error.message || "You are not allowed to do that.";
}

export interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

export function sendErrorPage(reply: FastifyReply, page: ErrorPage): FastifyReply {
  return reply.code(page.status).type("text/html; charset=utf-8").view("errors/error.eta", page);
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
  app.setNotFoundHandler((request, reply) =>
    sendErrorPage(reply, {
      status: 404,
      title: "Page not found",
      message: "There is nothing at this address. The story may have been removed, or the link mistyped.",
    }),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseUnreachable(error)) {
      request.log.warn({ err: error }, "database unreachable");
      return sendUnavailable(request, reply, {
        title: "Back in a moment",
        message: "Escalator cannot reach its database just now. Please try again in a minute; nothing you had saved is lost.",
        retryAfterSeconds: 30,
      });
    }
    // A route's schema refused the request: a malformed address is a page that is not there.
    if (error.validation) {
      const params = error.validationContext === "params";
      return sendProblem(request, reply, {
        status: params ? 404 : 400,
        error: params ? "not_found" : "bad_request",
        title: params ? "Page not found" : "That request did not work",
        message: params ? "There is nothing at this address. The story may have been removed, or the link mistyped." : "The address or form carried a value Escalator does not understand. Please go back and try again.",
      });
    }
    if (isDatabaseBusy(error)) {
      request.log.warn({ err: error }, "database busy");
      return sendUnavailable(request, reply, {
        title: "Busy just now",
        message: "Escalator took too long to answer this one. Please try again in a moment; nothing you had saved is lost.",
        retryAfterSeconds: 5,
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendErrorPage(reply, {
        status,
        title: "Slow down a little",
        message: `Too many attempts in a short time. Please wait ${reply.getHeader("retry-after") ?? "a minute"} seconds and try again.`,
      });
    }
    if (status >= 400 && status < 500) {
      return sendErrorPage(reply, {
        status,
        title: status === 403 ? "Not allowed" : status === 404 ? "Page not found" : "That request did not work",
        message: status === 403 ? forbiddenMessage(error) : "The request could not be understood. Please go back and try again.",
      });
    }
    request.log.error({ err: error }, "request failed");
    return sendErrorPage(reply, {
      status: 500,
      title: "Something went wrong",
      message: "An error on our side stopped this page. It has been logged; please try again.",
    });
  });
});
