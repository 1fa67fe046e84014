// Paths for generated stories: 1 to 5 steps told from each story's own facts,
// so the headline facts stay what the story says. The other party first (when
// there is one: frontline support, deflected or ignored), then the step to the
// company the story names; when the company answered late, often an ignored
// first step and an answer to a higher role instead; when it never answered,
// sometimes one or two more ignored steps further up. Deterministic per story id.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Role, StepResult } from "../lib/enums.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UPWARD: Record<Role, Role> = {
  frontline: "supervisor", supervisor: "executive_relations", pr_social: "executive_relations", unknown: "executive_relations",
  executive_relations: "executive", executive: "ceo", ceo: "ceo",
};

/** A small hash of (story, salt) in [0, 1). */
function unit(id: number, salt: number): number {
  let x = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 4_294_967_296;
}

interface Facts {
  id: number;
  other_party_id: number | null;
  channel: string;
  escalated_to: Role;
  answered_by: Role | null;
  escalated_at: Date;
  escalated_time_known: boolean;
  first_response_at: Date | null;
  outcome: string;
}

interface Step {
  story_id: number;
  position: number;
  party: "company" | "other_party";
  written_at: Date;
  written_time_known: boolean;
  channel: string;
  written_to: Role;
  answered_at: Date | null;
  answered_by: Role | null;
  result: StepResult | null;
}

export function pathOf(s: Facts, now: number): Omit<Step, "position">[] {
  const steps: Omit<Step, "position">[] = [];
  const e = s.escalated_at.getTime();
  const before = s.other_party_id === null ? 0 : Math.floor(unit(s.id, 1) * 3);
  for (let i = before; i >= 1; i--) {
    const at = e - i * (2 + Math.floor(unit(s.id, 10 + i) * 5)) * DAY;
    const answered = unit(s.id, 20 + i) < 0.6;
    steps.push({
      story_id: s.id, party: "other_party", written_at: new Date(at), written_time_known: false,
      channel: unit(s.id, 30 + i) < 0.5 ? "phone" : "in_store", written_to: i === 1 && before === 2 ? "supervisor" : "frontline",
      answered_at: answered ? new Date(at + (1 + unit(s.id, 40 + i) * 20) * HOUR) : null, answered_by: answered ? "frontline" : null,
      result: answered ? "deflected" : "ignored",
    });
  }
  const answerResult: StepResult = s.outcome === "resolved" || s.outcome === "goodwill" ? "resolved" : s.outcome === "deflected" ? "deflected" : "answered";
  const first = { story_id: s.id, party: "company" as const, written_at: s.escalated_at, written_time_known: s.escalated_time_known, channel: s.channel, written_to: s.escalated_to };
  const f = s.first_response_at?.getTime() ?? null;
  if (f !== null && f - e > 2 * DAY && unit(s.id, 2) < 0.5) {
    // The first step went unanswered; the answer came to a step further up.
    const at = e + Math.floor((f - e) / 2);
    steps.push({ ...first, answered_at: null, answered_by: null, result: "ignored" });
    steps.push({ ...first, written_at: new Date(at), written_time_known: true, channel: unit(s.id, 3) < 0.5 ? "email" : "letter", written_to: UPWARD[s.escalated_to], answered_at: s.first_response_at, answered_by: s.answered_by, result: answerResult });
  } else if (f !== null) {
    steps.push({ ...first, answered_at: s.first_response_at, answered_by: s.answered_by, result: answerResult });
  } else {
    const further = unit(s.id, 4) < 0.4 ? 1 + Math.floor(unit(s.id, 5) * 2) : 0;
    let role = s.escalated_to;
    const waiting: StepResult | null = s.outcome === "pending" ? null : "ignored";
    steps.push({ ...first, answered_at: null, answered_by: null, result: waiting });
    for (let i = 1; i <= further; i++) {
      const at = e + i * 7 * DAY;
      if (at > now) break;
      steps[steps.length - 1]!.result = "ignored";
      role = UPWARD[role];
      steps.push({ ...first, written_at: new Date(at), written_time_known: true, channel: "letter", written_to: role, answered_at: null, answered_by: null, result: waiting });
    }
  }
  return steps;
}

/** Writes the paths of the stories with ids in [from, to]. */
export async function insertPaths(db: Kysely<DB>, range: { from: number; to: number; now: number }): Promise<void> {
  const stories = await db
    .selectFrom("stories")
    .select(["id", "other_party_id", "channel", "escalated_to", "answered_by", "escalated_at", "escalated_time_known", "first_response_at", "outcome"])
    .where("id", ">=", range.from).where("id", "<=", range.to)
    .execute();
  const rows: Step[] = stories.flatMap((s) => pathOf(s, range.now).map((step, i) => ({ ...step, position: i + 1 })));
  if (rows.length === 0) return;
  const col = <K extends keyof Step>(key: K) => rows.map((r) => r[key]);
  await sql`
    insert into story_steps (story_id, position, party, written_at, written_time_known, channel, written_to, answered_at, answered_by, result)
    select * from unnest(${col("story_id")}::integer[], ${col("position")}::integer[], ${col("party")}::text[], ${col("written_at")}::timestamptz[],
      ${col("written_time_known")}::boolean[], ${col("channel")}::text[], ${col("written_to")}::text[], ${col("answered_at")}::timestamptz[],
      ${col("answered_by")}::text[], ${col("result")}::text[])`.execute(db);
}
