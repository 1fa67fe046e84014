// The leaderboard, one organisation's page, the other parties, and the open data.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { companyFeed } from "../feeds/links.js";
import { companyPath } from "../lib/paths.js";
import { freshSingleFlight, singleFlight } from "../lib/single-flight.js";
import { findOrganisationBySlug, mergeTarget, type OrganisationRow } from "../organisations/queries.js";
import { companyPageFigures, routesAcrossOrganisations, routesAtOrganisation, steppedInPage } from "./company-page.js";
import { exportCsv, exportJson } from "./export.js";
import { keptCompanyPages } from "./kept-pages.js";
import { findCompanyPageHead, followersOf, leaderboardVersion } from "./page-versions.js";
import { companyFigures, DEFINITION_KEYS, leaderboard, MIN_RANKED_STORIES, PAGE_SIZE, type Period, type LeaderboardSort } from "./figures.js";
import { figureFormat } from "./format.js";
import { companyCharts } from "./page-charts.js";
import { companyMeta } from "../seo/meta.js";
import { listParties } from "./parties.js";
import { companyStories, countriesWithFigures } from "./queries.js";
import { MIN_ROUTE_STEPS } from "./rules.js";
import { companySchema, companyWindowSchema, leaderboardHref, leaderboardSchema, pagedCompanySchema, pagedSchema, parseLeaderboardQuery, windowSchema } from "./schema.js";

/** How many other parties the company page lists under "Stepped in" before linking to all. */
export const STEPPED_IN_SHOWN = 10;
/** How many ways of escalating the company page shows before linking to all (a big organisation has ~80: half its page). */
export const ROUTES_SHOWN = 10;

/** A page address with the window and page number, defaults left out. */
function windowPath(base: string, period: Period, page = 1): string {
  const params = new URLSearchParams();
  if (period !== "12m") params.set("window", period);
  if (page > 1) params.set("page", String(page));
  return params.size ? `${base}?${params}` : base;
}

export default async function companyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const sendCompanyPage = keptCompanyPages(app);
  // Visitors arriving together read the version once (as plugins/kept-pages.ts does). A request with a
  // cookie may follow its own write: it shares only a read begun after it arrived (lib/single-flight.ts).
  const visitorsLeaderboardVersion = singleFlight(() => leaderboardVersion(app.db));
  const visitorsHead = singleFlight((slug: string) => findCompanyPageHead(app.db, slug));
  const freshLeaderboardVersion = freshSingleFlight(() => leaderboardVersion(app.db));
  const freshHead = freshSingleFlight((slug: string) => findCompanyPageHead(app.db, slug));
  // When the request arrived (its session was read since): a read begun after that is new enough.
  const arrival = (reply: FastifyReply) => performance.now() - reply.elapsedTime;
  const versionOfLeaderboard = (request: FastifyRequest, reply: FastifyReply) =>
    request.headers.cookie ? freshLeaderboardVersion(undefined, arrival(reply)) : visitorsLeaderboardVersion(undefined);
  const headOf = (request: FastifyRequest, reply: FastifyReply, slug: string) =>
    request.headers.cookie ? freshHead(slug, arrival(reply)) : visitorsHead(slug);

  app.get("/companies", leaderboardSchema, async (request, reply) => {
    const query = parseLeaderboardQuery(request.query);
    return sendCompanyPage(request, reply, await versionOfLeaderboard(request, reply), {
      template: "companies/index.eta",
      data: async () => {
        const [board, countries] = [await leaderboard(app.db, query), await countriesWithFigures(app.db, query.period)];
        const { t, paths } = request.i18n;
        const href = (change: Parameters<typeof leaderboardHref>[2]) => paths.to(leaderboardHref("/companies", query, change));
        return {
          title: t.companies.leaderboard.title,
          query, board, countries, figureFmt: figureFormat(request.i18n),
          periods: t.companies.periods, sorts: t.companies.sorts, channels: t.enums.channel, minRanked: MIN_RANKED_STORIES,
          definitions: DEFINITION_KEYS.map((key) => ({ key, ...t.companies.definitions[key] })),
          windowHref: (period: Period) => href({ period, page: 1 }),
          sortHref: (sort: LeaderboardSort) => href({ sort, page: 1 }),
          pageHref: (page: number) => href({ page }),
          clearHref: href({ country: "", channel: "", page: 1 }),
          // The open data in the page's language: the same figures, with the definitions in its words.
          exportHref: (ext: "csv" | "json") => paths.to(leaderboardHref(`/companies.${ext}`, { ...query, page: null }, {})),
        };
      },
    });
  });

  app.get("/companies.json", leaderboardSchema, async (request, reply) => {
    const query = parseLeaderboardQuery(request.query);
    const { t, paths } = request.i18n;
    return reply.header("link", `<${paths.companies()}#definitions>; rel="describedby"`).send(await exportJson(app.db, { ...query, page: null }, t));
  });

  app.get("/companies.csv", leaderboardSchema, async (request, reply) => {
    const query = parseLeaderboardQuery(request.query);
    const csv = await exportCsv(app.db, { ...query, page: null });
    return reply
      .type("text/csv; charset=utf-8; header=present")
      .header("content-disposition", `attachment; filename="escalator-companies-${query.period}.csv"`)
      .header("link", `<${request.i18n.paths.to("/companies.json")}>; rel="describedby"`)
      .send(csv);
  });

  /**
   * The organisation a /companies/:slug… address names, or "sent" when the reply
   * is already a 404 or, for a merged organisation, a 301 to the same page of
   * the one it went into.
   */
  async function organisationOf<T extends OrganisationRow>(organisation: T | undefined, request: { url: string }, reply: FastifyReply, subpath = "") {
    const target = organisation?.merged_into_id ? await mergeTarget(app.db, organisation) : undefined;
    if (!organisation || (organisation.merged_into_id && !target)) {
      await reply.callNotFound();
      return "sent";
    }
    if (target) {
      const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      await reply.redirect(companyPath(target) + subpath + search, 301);
      return "sent";
    }
    return organisation;
  }

  app.get("/companies/:slug", companySchema, async (request, reply) => {
    const head = await headOf(request, reply, request.params.slug);
    const organisation = await organisationOf(head?.organisation, request, reply);
    if (organisation === "sent" || !head) return reply;
    const { t, paths } = request.i18n;
    const period = request.query.window ?? "12m", after = request.query.after;
    // Every figure is read from what the figures worker keeps, once per version of the page.
    return sendCompanyPage(request, reply, head.version, {
      template: "companies/show.eta",
      follow: { action: paths.companyFollow(organisation), followers: () => followersOf(app.db, organisation.id) },
      data: async () => {
        const fmt = figureFormat(request.i18n);
        const [figures, { histogram, trend, routes, curve }, stepped, stories] = await Promise.all([
          companyFigures(app.db, organisation.id, period),
          companyPageFigures(app.db, organisation.id, period),
          steppedInPage(app.db, organisation.id, period, { limit: STEPPED_IN_SHOWN, offset: 0 }),
          companyStories(app.db, organisation.id, after),
        ]);
        return {
          title: organisation.name,
          meta: companyMeta(organisation, figures, period, request.i18n),
          alternateFeeds: [companyFeed(organisation, request.i18n)],
          organisation, period, periods: t.companies.periods, figures, histogram, trend, curve,
          charts: companyCharts(organisation.name, { histogram, trend, curve }, t, fmt),
          routes: routes.slice(0, ROUTES_SHOWN), routesTotal: routes.length, routesHref: paths.to(windowPath(`${companyPath(organisation)}/routes`, period)),
          minRouteSteps: MIN_ROUTE_STEPS, howHref: paths.to(windowPath("/companies/how", period)), stepped, page: stories, isFirstPage: after === undefined, figureFmt: fmt, minRanked: MIN_RANKED_STORIES,
          steppedInHref: paths.to(windowPath(`${companyPath(organisation)}/stepped-in`, period)),
          windowHref: (p: Period) => paths.to(windowPath(companyPath(organisation), p)),
        };
      },
    });
  });

  // Every way of escalating at one organisation; its page shows the first few. Kept with the company page's version.
  app.get("/companies/:slug/routes", companyWindowSchema, async (request, reply) => {
    const head = await headOf(request, reply, request.params.slug);
    const organisation = await organisationOf(head?.organisation, request, reply, "/routes");
    if (organisation === "sent" || !head) return reply;
    const period = request.query.window ?? "12m";
    const { t, paths } = request.i18n;
    return sendCompanyPage(request, reply, head.version, {
      template: "companies/routes.eta",
      data: async () => ({
        title: t.companyPage.routesPage.title(organisation.name),
        organisation, period, periods: t.companies.periods, routes: await routesAtOrganisation(app.db, organisation.id, period),
        minRouteSteps: MIN_ROUTE_STEPS, figureFmt: figureFormat(request.i18n),
        companyHref: paths.to(windowPath(companyPath(organisation), period)), howHref: paths.to(windowPath("/companies/how", period)),
        windowHref: (p: Period) => paths.to(windowPath(`${companyPath(organisation)}/routes`, p)),
      }),
    });
  });

  // "Which channel works best overall": the how-to-escalate table across every organisation, as the worker keeps it.
  app.get("/companies/how", windowSchema, async (request, reply) => {
    const period = request.query.window ?? "12m";
    const { t, paths } = request.i18n;
    return sendCompanyPage(request, reply, await versionOfLeaderboard(request, reply), {
      template: "companies/how.eta",
      data: async () => ({
        title: t.companyPage.across.title,
        period, periods: t.companies.periods, routes: await routesAcrossOrganisations(app.db, period), minRouteSteps: MIN_ROUTE_STEPS, figureFmt: figureFormat(request.i18n),
        windowHref: (p: Period) => paths.to(windowPath("/companies/how", p)),
      }),
    });
  });

  // Every other party whose failures came to this organisation; the company page shows the first few.
  app.get("/companies/:slug/stepped-in", pagedCompanySchema, async (request, reply) => {
    const organisation = await organisationOf(await findOrganisationBySlug(app.db, request.params.slug), request, reply, "/stepped-in");
    if (organisation === "sent") return reply;
    const period = request.query.window ?? "12m", page = request.query.page ?? 1;
    const { t, paths } = request.i18n;
    const stepped = await steppedInPage(app.db, organisation.id, period, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const base = `${companyPath(organisation)}/stepped-in`;
    return reply.view("companies/stepped-in.eta", {
      title: t.companyPage.steppedIn.title(organisation.name),
      organisation, period, periods: t.companies.periods, page, stepped, figureFmt: figureFormat(request.i18n),
      pageCount: Math.max(1, Math.ceil(stepped.total / PAGE_SIZE)),
      companyHref: paths.to(windowPath(companyPath(organisation), period)),
      windowHref: (p: Period) => paths.to(windowPath(base, p)),
      pageHref: (n: number) => paths.to(windowPath(base, period, n)),
    });
  });

  app.get("/parties", pagedSchema, async (request, reply) => {
    const period = request.query.window ?? "12m", page = request.query.page ?? 1;
    const parties = await listParties(app.db, period, page);
    const { t, paths } = request.i18n;
    const href = (p: Period, n = 1) => paths.to(windowPath("/parties", p, n));
    return reply.view("companies/parties.eta", { title: t.companyPage.parties.title, period, page, parties, periods: t.companies.periods, figureFmt: figureFormat(request.i18n), href });
  });
}
