// The mail that confirms a new or changed address, in the member's language (words from server/i18n, `mail.confirm`).
import type { Messages } from "../../i18n/index.js";
import type { MailText } from "../compose.js";

export const CONFIRM_VALID_HOURS = 48;

export function confirmEmailMail(m: Messages["mail"], input: { username: string; confirmUrl: string }): MailText {
  return {
    subject: m.confirm.subject,
    paragraphs: [m.confirm.intro(input.username), { text: m.confirm.link, href: input.confirmUrl }, m.confirm.validity(CONFIRM_VALID_HOURS)],
  };
}
