// Static files under fingerprinted URLs: /static/site.<hash>.css is served
// from memory with a year's immutable caching, so a changed file gets a new
// URL instead of a stale copy. The plain name (/static/site.css) still
// answers, revalidated on every use. Outside production the files are
// re-read when they change, so editing the stylesheet needs no restart.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { staticFolder } from "../folders.js";

const CONTENT_TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export const IMMUTABLE = "public, max-age=31536000, immutable";

interface Asset {
  name: string;
  url: string;
  body: Buffer;
  etag: string;
  contentType: string;
  mtimeMs: number;
}

const byName = new Map<string, Asset>();
const byUrlName = new Map<string, Asset>();

function load(name: string): Asset {
  const file = path.join(staticFolder, name);
  const body = readFileSync(file);
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const ext = path.extname(name);
  const hashedName = `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
  const asset = { name, url: `/static/${hashedName}`, body, etag: `"${hash}"`, contentType: CONTENT_TYPES[ext] ?? "application/octet-stream", mtimeMs: statSync(file).mtimeMs };
  const previous = byName.get(name);
  if (previous) byUrlName.delete(path.basename(previous.url));
  byName.set(name, asset);
  byUrlName.set(hashedName, asset);
  return asset;
}

for (const name of readdirSync(staticFolder)) if (statSync(path.join(staticFolder, name)).isFile()) load(name);

let watchChanges = false;

function current(name: string): Asset | undefined {
  const asset = byName.get(name);
  if (asset && watchChanges && statSync(path.join(staticFolder, name)).mtimeMs !== asset.mtimeMs) return load(name);
  return asset;
}

/** The fingerprinted URL of a file in static/ (templates call it as `it.helpers.asset("site.css")`). */
export function assetUrl(name: string): string {
  const asset = current(name);
  if (!asset) throw new Error(`no static file ${name}`);
  return asset.url;
}

export default async function assetRoutes(app: FastifyInstance, opts: { production: boolean }) {
  watchChanges = !opts.production;
  app.withTypeProvider<TypeBoxTypeProvider>().get("/static/:name", { schema: { params: Type.Object({ name: Type.String() }) } }, async (request, reply) => {
    const { name } = request.params;
    const fingerprinted = byUrlName.get(name);
    const asset = fingerprinted ?? current(name);
    if (!asset) return reply.callNotFound();
    reply.header("content-type", asset.contentType).header("etag", asset.etag);
    reply.header("cache-control", fingerprinted ? IMMUTABLE : "public, max-age=0, must-revalidate");
    if (request.headers["if-none-match"] === asset.etag) return reply.code(304).send();
    return reply.send(asset.body);
  });
}
