// The OpenAPI 3.1 description of the open data's JSON endpoints.
import { CONTENT_LANGUAGES } from "../lib/content-language.js";
import { CHANNELS, OUTCOMES, RESPONSE_BUCKETS, ROLES, STEP_RESULTS } from "../lib/enums.js";
import { SORT_KEYS } from "../stories/list-schema.js";
import { DEFAULT_LIMIT, LICENCE, MAX_LIMIT } from "./stories.js";

const keys = (o: object) => Object.keys(o);
const nullable = (schema: object) => ({ oneOf: [schema, { type: "null" }] });
const time = { type: "string", format: "date-time" };

export function openApiDocument() {
  const step = {
    type: "object",
    required: ["position", "party", "organisation", "organisation_slug", "written_at", "written_time_known", "channel", "written_to", "answered_at", "answered_by", "result"],
    properties: {
      position: { type: "integer", minimum: 1 },
      party: { enum: ["company", "other_party"] },
      organisation: { type: "string" },
      organisation_slug: { type: "string" },
      written_at: time,
      written_time_known: { type: "boolean", description: "false: only the day is known (written_at is midnight UTC)" },
      channel: { enum: keys(CHANNELS) },
      written_to: { enum: keys(ROLES) },
      answered_at: nullable(time),
      answered_by: nullable({ enum: keys(ROLES) }),
      result: nullable({ enum: keys(STEP_RESULTS) }),
    },
  };
  const story = {
    type: "object",
    properties: {
      id: { type: "integer" }, url: { type: "string" }, title: { type: "string" }, lang: { enum: [...CONTENT_LANGUAGES], description: "The language of the title and story" }, author: { type: "string" },
      company: { type: "string" }, company_slug: { type: "string" }, other_party: nullable({ type: "string" }), other_party_slug: nullable({ type: "string" }),
      product: nullable({ type: "string" }), country: { type: "string", pattern: "^[A-Z]{2}$" },
      channel: { enum: keys(CHANNELS) }, escalated_to: { enum: keys(ROLES) }, escalated_at: time, escalated_time_known: { type: "boolean" },
      first_response_at: nullable(time), answered_by: nullable({ enum: keys(ROLES) }), response_seconds: nullable({ type: "integer" }),
      resolved_at: nullable(time), outcome: { enum: keys(OUTCOMES) }, created_at: time,
      path: { type: "array", items: { $ref: "#/components/schemas/Step" } },
    },
  };
  const definition = { type: "object", properties: { key: { type: "string" }, term: { type: "string" }, definition: { type: "string" } } };
  const licence = { type: "object", properties: { name: { type: "string" }, url: { type: "string" }, attribution: { type: "string" } } };
  const param = (name: string, description: string, schema: object) => ({ name, in: "query", required: false, description, schema });
  return {
    openapi: "3.1.0",
    info: {
      title: "Escalator open data",
      version: "1",
      description: "Escalation stories with their paths, and the company figures computed from them. Licence: CC BY 4.0. Under /de/ (/de/stories.json, /de/companies.json) the same data, with its description, window names and definitions in German.",
      license: { name: LICENCE.name, url: LICENCE.url },
    },
    paths: {
      "/stories.json": {
        get: {
          summary: "Visible stories with their paths, newest (or the chosen order) first, a keyset page at a time",
          parameters: [
            param("company", "the organisation escalated to: a slug or any spelling of its name", { type: "string" }),
            param("other_party", "the other party: a slug or any spelling of its name", { type: "string" }),
            param("outcome", "how it ended", { enum: keys(OUTCOMES) }),
            param("response", "response-time bucket", { enum: keys(RESPONSE_BUCKETS) }),
            param("country", "ISO 3166 code", { type: "string" }),
            param("sort", "order", { enum: [...SORT_KEYS] }),
            param("after", "the last story id of the previous page (take `next` from the answer)", { type: "integer" }),
            param("limit", `stories per page, at most ${MAX_LIMIT}`, { type: "integer", default: DEFAULT_LIMIT, maximum: MAX_LIMIT }),
          ],
          responses: {
            200: {
              description: "One page of stories; the same page as CSV (one row per step) at /stories.csv with the same parameters",
              content: { "application/json": { schema: { type: "object", properties: {
                licence, description: { type: "string" }, filters: { type: "object" }, sort: { enum: [...SORT_KEYS] },
                definitions: { type: "array", items: definition },
                stories: { type: "array", items: { $ref: "#/components/schemas/Story" } },
                next: nullable({ type: "string", description: "the next page's address" }),
              } } } },
            },
          },
        },
      },
      "/companies.json": {
        get: {
          summary: "The leaderboard: every organisation's figures in one window and scope, with the definitions",
          parameters: [
            param("window", "12m (default) or all", { enum: ["12m", "all"] }),
            param("country", "ISO 3166 code", { type: "string" }),
            param("channel", "the channel of the escalation", { enum: keys(CHANNELS) }),
            param("sort", "order", { enum: ["rank", "name", "stories", "response", "median", "p90", "resolution"] }),
          ],
          responses: { 200: { description: "The figures; median and p90 by Kaplan–Meier (null: not reached)", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: { schemas: { Story: story, Step: step } },
  };
}
