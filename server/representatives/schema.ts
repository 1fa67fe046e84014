// The admin form's validation step: a username and an organisation, both by name.
import type { Messages } from "../i18n/index.js";
import { field, type FieldErrors, type FormBody } from "../lib/form.js";
import { usernameAsTyped } from "../lib/usernames.js";

export type RepresentativeField = "username" | "organisation";
export type RepresentativeCheck =
  | { ok: true; username: string; organisation: string }
  | { ok: false; errors: FieldErrors<RepresentativeField>; values: Record<RepresentativeField, string> };

export function checkRepresentative(form: FormBody, m: Messages["admin"]["representatives"]["errors"]): RepresentativeCheck {
  const username = usernameAsTyped(field(form, "username")).slice(0, 100);
  const organisation = field(form, "organisation").slice(0, 200);
  const errors: FieldErrors<RepresentativeField> = {};
  if (!username) errors.username = m.username;
  if (!organisation) errors.organisation = m.organisation;
  if (Object.keys(errors).length) return { ok: false, errors, values: { username, organisation } };
  return { ok: true, username, organisation };
}
