// The site's absolute address, for canonical links, sitemaps, feeds and share cards.
// PUBLIC_URL wins: a cached page must not carry whatever Host header one client sent.
import type { FastifyRequest } from "fastify";

export interface Site {
  /** "https://escalator.example", no trailing slash. */
  base: string;
  hostname: string;
}

const PLAIN_HOST = /^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$/;

export function siteOf(request: FastifyRequest, publicUrl: string | undefined): Site {
  if (publicUrl) {
    const url = new URL(publicUrl);
    return { base: url.origin, hostname: url.hostname };
  }
  // The Host header is the client's to choose; anything but a plain host[:port] falls back.
  const host = PLAIN_HOST.test(request.host) ? request.host : "localhost";
  return { base: `${request.protocol === "https" ? "https" : "http"}://${host}`, hostname: host.replace(/:[0-9]+$/, "") };
}
