// The leaderboard, one organisation's page, the other parties, and the open data.
import type { FastifyInstance } from "fastify";
import { CHANNELS, RESPONSE_BUCKETS } from "../lib/enums.js";
import { companyFeed, companyFeedPath } from "../feeds/links.js";
import { companyPath } from "../lib/paths.js";
import { monthlyTrend, responseHistogram, steppedIn, whatWorked } from "./breakdowns.js";
import { barChartSvg, lineChartSvg } from "./charts.js";
import { exportCsv, exportJson } from "./export.js";
import { createPageCache } from "./page-cache.js";
import { companyFigures, DEFINITIONS, leaderboard, MIN_RANKED_STORIES, PERIODS, SORTS, type Sort } from "./figures.js";
import { fmt } from "./format.js";
import { listParties } from "./parties.js";
import { companyStories, countriesWithFigures, findOrganisation, mergeTarget } from "./queries.js";
import { leaderboardHref, parseCompanyQuery, parseLeaderboardQuery, parsePartiesQuery } from "./schema.js";

type Query = Record<string, unknown>;

export default async function companyRoutes(app: FastifyInstance) {
  const pages = createPageCache(app.config.pageCacheMs);

  app.get("/companies", async (request, reply) => {
    // Logged-out visitors share one rendering per URL for a moment; members see their own header.
    const render = async () => {
      const query = parseLeaderboardQuery(request.query as Query);
      const [board, countries] = [await leaderboard(app.db, query), await countriesWithFigures(app.db, query.period)];
      const href = (change: Parameters<typeof leaderboardHref>[2]) => leaderboardHref("/companies", query, change);
      return reply.viewAsync("companies/index.eta", {
        title: "Company leaderboard",
        query, board, countries, fmt,
        periods: PERIODS, sorts: SORTS, channels: CHANNELS, definitions: DEFINITIONS, minRanked: MIN_RANKED_STORIES,
        windowHref: (period: keyof typeof PERIODS) => href({ period, page: 1 }),
        sortHref: (sort: Sort) => href({ sort, page: 1 }),
        pageHref: (page: number) => href({ page }),
        clearHref: href({ country: "", channel: "", page: 1 }),
        exportHref: (ext: "csv" | "json") => leaderboardHref(`/companies.${ext}`, { ...query, page: null }, {}),
      });
    };
    const html = request.user ? await render() : await pages.through(request.url, render);
    return reply.type("text/html; charset=utf-8").send(html);
  });

  app.get("/companies.json", async (request, reply) => {
    const query = parseLeaderboardQuery(request.query as Query);
    return reply.header("link", '</companies#definitions>; rel="describedby"').send(await exportJson(app.db, { ...query, page: null }));
  });

  app.get("/companies.csv", async (request, reply) => {
    const query = parseLeaderboardQuery(request.query as Query);
    const csv = await exportCsv(app.db, { ...query, page: null });
    return reply
      .type("text/csv; charset=utf-8; header=present")
      .header("content-disposition", `attachment; filename="escalator-companies-${query.period}.csv"`)
      .header("link", '</companies.json>; rel="describedby"')
      .send(csv);
  });

  app.get("/companies/:slug", async (request, reply) => {
    const { slug } = request.params as { slug: string };
    // Postgres text cannot hold NUL, and no slug is that long.
    if (slug.includes("\u0000") || slug.length > 200) return reply.callNotFound();
    const organisation = await findOrganisation(app.db, slug);
    if (!organisation) return reply.callNotFound();
    if (organisation.merged_into_id) {
      const target = await mergeTarget(app.db, organisation.id);
      if (!target) return reply.callNotFound();
      const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      return reply.redirect(companyPath(target) + search, 301);
    }
    // The same short reuse as the leaderboard: a big organisation's page costs a second of queries.
    const render = async () => {
      const { period, after } = parseCompanyQuery(request.query as Query);
      const [figures, histogram, trend, worked, stepped, stories] = await Promise.all([
        companyFigures(app.db, organisation.id, period),
        responseHistogram(app.db, organisation.id, period),
        monthlyTrend(app.db, organisation.id, period),
        whatWorked(app.db, organisation.id, period),
        steppedIn(app.db, organisation.id, period),
        companyStories(app.db, organisation.id, after),
      ]);
      const total = histogram.reduce((sum, b) => sum + b.stories, 0);
      const histogramSvg = barChartSvg({
        id: "response-histogram",
        title: `Time to first response at ${organisation.name}`,
        description: histogram.map((b) => `${RESPONSE_BUCKETS[b.bucket]}: ${b.stories}`).join("; ") + ` (of ${total} stories).`,
        points: histogram.map((b) => ({ label: RESPONSE_BUCKETS[b.bucket], value: b.stories })),
        formatValue: (v) => String(Math.round(v)),
      });
      const trendPoints = trend.map((m) => ({ label: fmt.month(m.month).replace(" 20", " ’"), value: m.medianSeconds }));
      const medianTrendSvg = lineChartSvg({
        id: "median-trend",
        title: "Median time to first response by month of escalation",
        description: trend.map((m) => `${fmt.month(m.month)}: ${fmt.duration(m.medianSeconds)}`).join("; ") + ".",
        points: trendPoints,
        formatValue: (v) => fmt.duration(v),
      });
      const rateTrendSvg = lineChartSvg({
        id: "rate-trend",
        title: "Response rate by month of escalation",
        description: trend.map((m) => `${fmt.month(m.month)}: ${fmt.percent(m.responseRate)}`).join("; ") + ".",
        points: trend.map((m, i) => ({ label: trendPoints[i]!.label, value: m.responseRate })),
        formatValue: (v) => fmt.percent(v),
        max: 1,
      });
      return reply.viewAsync("companies/show.eta", {
        title: organisation.name,
        alternateFeeds: [companyFeed(organisation)],
        feedHref: companyFeedPath(organisation),
        organisation, period, periods: PERIODS, figures, histogram, histogramSvg, trend, medianTrendSvg, rateTrendSvg,
        worked, stepped, page: stories, isFirstPage: after === undefined, fmt, minRanked: MIN_RANKED_STORIES, definitions: DEFINITIONS,
        windowHref: (p: keyof typeof PERIODS) => (p === "12m" ? companyPath(organisation) : `${companyPath(organisation)}?window=${p}`),
      });
    };
    const html = request.user ? await render() : await pages.through(request.url, render);
    return reply.type("text/html; charset=utf-8").send(html);
  });

  app.get("/parties", async (request, reply) => {
    const { period, page } = parsePartiesQuery(request.query as Query);
    const parties = await listParties(app.db, period, page);
    const href = (p: keyof typeof PERIODS, n = 1) => {
      const params = new URLSearchParams();
      if (p !== "12m") params.set("window", p);
      if (n > 1) params.set("page", String(n));
      return params.size ? `/parties?${params}` : "/parties";
    };
    return reply.view("companies/parties.eta", { title: "Other parties", period, page, parties, periods: PERIODS, fmt, href });
  });
}
