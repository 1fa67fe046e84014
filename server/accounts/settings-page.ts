// The /settings page, shown by every settings form (with its errors or a
// notice): password, address and mail, where you are logged in, your data.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DELIVERIES, isMailKind, listPreferences, MAIL_KINDS, NUDGE } from "../mail/preferences.js";
import { pendingConfirmation } from "./email-confirmation.js";
import { listSessions } from "./queries.js";
import { hashToken } from "./session.js";
import { describeUserAgent } from "./user-agent.js";

export interface SettingsState {
  errors?: Record<string, string | undefined>;
  values?: Record<string, string>;
  notice?: string;
  status?: number;
}

export async function showSettings(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, state: SettingsState = {}) {
  const user = request.user!;
  const t = request.i18n.t.accounts.settings;
  const current = hashToken(request.session!.id);
  const [sessions, account, pending, preferences] = await Promise.all([
    listSessions(app.db, user.id),
    app.db.selectFrom("users").select(["email", "email_verified_at"]).where("id", "=", user.id).executeTakeFirstOrThrow(),
    pendingConfirmation(app.db, user.id),
    listPreferences(app.db, user.id),
  ]);
  return reply.code(state.status ?? 200).view("accounts/settings.eta", {
    title: t.title,
    sessions: sessions.map((s) => ({ id: s.id, current: s.id === current, createdAt: s.created_at, lastSeenAt: s.last_seen_at, browser: describeUserAgent(s.user_agent, t.sessions) })),
    email: { address: account.email, verified: account.email_verified_at !== null, pending: pending?.email },
    // Labels come from the catalogue (accounts.settings.mail): the view gets the keys.
    mailKinds: Object.keys(MAIL_KINDS).filter(isMailKind).map((kind) => ({ kind, delivery: preferences[kind] })),
    deliveries: Object.keys(DELIVERIES),
    nudge: preferences[NUDGE] !== "off",
    isAdmin: user.role === "admin",
    errors: state.errors ?? {},
    values: state.values ?? {},
    notice: state.notice,
    csrfToken: reply.csrfToken(),
  });
}
