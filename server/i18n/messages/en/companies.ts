// The company pages: the leaderboard, its columns, and the definitions of the figures.
import type { DefinitionKey, LeaderboardSort, Period } from "../../../companies/figures.js";

const periods: Record<Period, string> = { "12m": "Last 12 months", all: "All time" };
/** The window inside a sentence or caption ("Figures, last 12 months"). */
const periodsInText: Record<Period, string> = { "12m": "last 12 months", all: "all time" };
const sorts: Record<LeaderboardSort, string> = { rank: "Rank", name: "Organisation", stories: "Stories", response: "Response rate", median: "Median", p90: "p90", resolution: "Resolution rate" };
const definitions: Record<DefinitionKey, { term: string; text: string }> = {
  organisation: { term: "Organisation", text: "The organisation the customer escalated to. Its figures count only the stories escalated to it; stories naming it as the party that failed first are counted under Other parties." },
  stories: { term: "Stories (n)", text: "Visible stories escalated to the organisation in the window. The last 12 months are the 365 days up to now, by escalation date." },
  response_rate: { term: "Response rate", text: "Stories answered within 30 days of escalation ÷ stories escalated more than 30 days ago, plus younger stories already answered. A story younger than 30 days without an answer counts neither way." },
  median_seconds: { term: "Median response", text: "Estimated by Kaplan–Meier: at each time a story got its first answer, the share of stories still waiting is multiplied by (1 − answered at that time ÷ stories still waiting then), where an unanswered story counts as waiting only up to its age and, at a tie, answers come before silences. The median is the first time that share falls to one half or less; “not reached” means fewer than half were answered, and such organisations sort after every one with a median." },
  p90_seconds: { term: "p90 response", text: "The first time the same Kaplan–Meier share still waiting falls to one tenth or less (90 % answered by then); “not reached” otherwise." },
  resolution_rate: { term: "Resolution rate", text: "Stories resolved (resolved, or resolved with goodwill) ÷ closed stories (every outcome except pending)." },
  rank: { term: "Rank", text: "Position by the Wilson lower bound (95 %) of the response rate, a conservative estimate that does not let 5 of 5 answered beat 90 of 100. Only organisations with at least 5 stories in the window (and filters) are ranked; the rest are listed below, unranked. Sorting by another column reorders the rows but keeps each rank; sorting by resolution rate orders by its own Wilson lower bound." },
};

export const companies = {
  periods,
  periodsInText,
  sorts,
  definitions,
  windowLabel: "Window",
  notReached: "not reached",
  notReachedMedian: "not reached (fewer than half answered)",
  notReachedP90: "not reached (fewer than 90 % answered)",
  leaderboard: {
    title: "Company leaderboard",
    lede: "Which organisations answer escalations, how fast, and how often they fix things. Every figure counts the stories on Escalator; n is always shown, and each figure is",
    ledeLink: "defined below",
    country: "Country",
    anyCountry: "Any country",
    channel: "Channel",
    anyChannel: "Any channel",
    show: "Show",
    clear: "Clear filters",
    openData: "Open data, same figures with the window and the definitions:",
    inCountry: (country: string) => `in ${country}`,
    byChannel: (channel: string) => `by ${channel.toLowerCase()}`,
    empty: (scope: string) => `No stories ${scope} yet, so no figures.`,
    counted: (total: string, one: boolean, scope: string, ranked: string, min: number) => `${total} ${one ? "organisation" : "organisations"} ${scope}; ${ranked} with at least ${min} stories ranked.`,
    rankedCaption: (min: number, scope: string, sort: string) => `Ranked: at least ${min} stories, ${scope}, sorted by ${sort.toLowerCase()}`,
    unrankedCaption: (min: number, scope: string) => `Not ranked: fewer than ${min} stories, ${scope}`,
    pages: "Pages",
    previous: "Previous",
    next: "Next",
    pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
    definitionsHeading: "How the figures are defined",
    definitionsNote: "Hidden and deleted stories never count. Times are from the escalation to the first response, as each poster gave them. See also",
    partiesLink: "the other parties",
    partiesAfter: ": who let customers down first, and who stepped in.",
  },
  columns: { rank: "Rank", name: "Organisation", stories: "Stories (n)", response: "Response rate", median: "Median response", p90: "p90 response", resolution: "Resolution rate" },
  sortBy: (column: string) => `Sort by ${column.toLowerCase()}`,
  whatMeans: (column: string) => `What ${column.toLowerCase()} means`,
  fastest: {
    heading: "Fastest to answer",
    median: (duration: string, n: string) => `median ${duration}, n = ${n}`,
    note: (min: number) => `Median time to first response, last 12 months, organisations with at least ${min} stories.`,
    leaderboard: "Leaderboard",
  },
};
